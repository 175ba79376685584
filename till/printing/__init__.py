"""Receipt printing (issue 17): layout, ESC/POS bytes, printers, the claim QR's token.

Qt-free except :mod:`till.printing.receipt_printer` (the cashier window's off-thread
printing) and :mod:`till.printing.settings_hook` (the manager's Settings page).
"""

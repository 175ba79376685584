"""Member orders from the table (issue 18, seed 000).

The waiter shows a dynamic table QR (``table_tokens``); the customer opens the member page
(``web``), logs in as a rewards member (``member_auth``), orders from the store's menu
(``config``); the order with the member id reaches the store's tills (``orders``, ``routes``),
which take it, and mark it paid with the receipt number once the sale is done.
"""

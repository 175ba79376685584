<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name>CustomerDisplay</name>
        <message>
            <source>Please tell the cashier the code we sent to your phone</source>
            <translation>Bitte nennen Sie an der Kasse den Code, den wir Ihnen per SMS geschickt haben</translation>
        </message>
        <message>
            <source>Customer display</source>
            <translation>Kundenanzeige</translation>
        </message>
        <message>
            <source>Welcome!</source>
            <translation>Willkommen!</translation>
        </message>
        <message>
            <source>Total: {amount}</source>
            <translation>Summe: {amount}</translation>
        </message>
        <message>
            <source>Have a loyalty card? Show it to the cashier.</source>
            <translation>Haben Sie eine Kundenkarte? Zeigen Sie sie an der Kasse.</translation>
        </message>
        <message>
            <source>Hello, {name}!</source>
            <translation>Hallo, {name}!</translation>
        </message>
        <message>
            <source>This sale earns you {points} points</source>
            <translation>Mit diesem Einkauf sammeln Sie {points} Punkte</translation>
        </message>
        <message>
            <source>Balance: {points} points</source>
            <translation>Punktestand: {points} Punkte</translation>
        </message>
        <message>
            <source>Thank you!</source>
            <translation>Vielen Dank!</translation>
        </message>
        <message>
            <source>Thank you, {name}!</source>
            <translation>Vielen Dank, {name}!</translation>
        </message>
        <message>
            <source>You earned {points} points</source>
            <translation>Sie haben {points} Punkte gesammelt</translation>
        </message>
        <message>
            <source>Your points are added shortly</source>
            <translation>Ihre Punkte werden in Kürze gutgeschrieben</translation>
        </message>
        <message>
            <source>New balance: {points} points</source>
            <translation>Neuer Punktestand: {points} Punkte</translation>
        </message>
        <message>
            <source>Scan this code with your phone to collect {points} points</source>
            <translation>Scannen Sie diesen Code mit Ihrem Handy und sammeln Sie {points} Punkte</translation>
        </message>
        <message>
            <source>Scan this code with your phone to collect your points</source>
            <translation>Scannen Sie diesen Code mit Ihrem Handy und sammeln Sie Ihre Punkte</translation>
        </message>
    </context>
    <context>
        <name>DemoPanel</name>
        <message>
            <source>Loyalty Till — demo panel</source>
            <translation>Bonuskasse — Demo-Steuerung</translation>
        </message>
        <message>
            <source>Customer's phone (SMS outbox)</source>
            <translation>Handy des Kunden (SMS-Ausgang)</translation>
        </message>
        <message>
            <source>No SMS sent yet.</source>
            <translation>Noch keine SMS gesendet.</translation>
        </message>
        <message>
            <source>Sample cards and codes (through the device pipeline)</source>
            <translation>Musterkarten und -codes (über die Gerätekette)</translation>
        </message>
        <message>
            <source>Stop the backend (go offline)</source>
            <translation>Backend stoppen (offline gehen)</translation>
        </message>
        <message>
            <source>Backend running</source>
            <translation>Backend läuft</translation>
        </message>
        <message>
            <source>The backend could not be switched: {exc}</source>
            <translation>Das Backend konnte nicht umgeschaltet werden: {exc}</translation>
        </message>
    </context>
    <context>
        <name>Identify</name>
        <message>
            <source>This is a bank card, not a loyalty card. Take the payment on the card terminal, and ask for the loyalty card or the phone number.</source>
            <translation>Das ist eine Bankkarte, keine Kundenkarte. Zahlung am Kartenterminal kassieren und nach Kundenkarte oder Telefonnummer fragen.</translation>
        </message>
        <message>
            <source>That is a product barcode, not a loyalty card.</source>
            <translation>Das ist ein Artikel-Barcode, keine Kundenkarte.</translation>
        </message>
        <message>
            <source>The card could not be read. Swipe it again, or type the number printed on the card or the phone number (F2).</source>
            <translation>Die Karte konnte nicht gelesen werden. Erneut durchziehen oder die aufgedruckte Kartennummer bzw. die Telefonnummer eingeben (F2).</translation>
        </message>
        <message>
            <source>This loyalty account is inactive: it cannot earn or redeem points.</source>
            <translation>Dieses Kundenkonto ist inaktiv: keine Punkte sammeln oder einlösen.</translation>
        </message>
        <message>
            <source>That is a receipt: press F12 (Return) to take goods back on it.</source>
            <translation>Das ist ein Bon: F12 (Rückgabe) drücken, um Ware darauf zurückzunehmen.</translation>
        </message>
        <message>
            <source>That code is not a loyalty card or phone.</source>
            <translation>Dieser Code ist keine Kundenkarte und keine Telefonnummer.</translation>
        </message>
        <message>
            <source>That code is not a loyalty card.</source>
            <translation>Dieser Code ist keine Kundenkarte.</translation>
        </message>
        <message>
            <source>The loyalty server cannot be reached and this member is not known at this till yet. Finish the sale without points, or try again when it is back.</source>
            <translation>Der Bonusserver ist nicht erreichbar und dieses Mitglied ist an dieser Kasse noch unbekannt. Verkauf ohne Punkte abschließen oder später erneut versuchen.</translation>
        </message>
        <message>
            <source>No member has this card. Register a new member (F7)?</source>
            <translation>Kein Mitglied hat diese Karte. Neues Mitglied anlegen (F7)?</translation>
        </message>
        <message>
            <source>No member has this phone number. Register a new member (F7)?</source>
            <translation>Kein Mitglied hat diese Telefonnummer. Neues Mitglied anlegen (F7)?</translation>
        </message>
        <message>
            <source>The member could not be looked up.</source>
            <translation>Das Mitglied konnte nicht gesucht werden.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Receipt</source>
            <translation>Bon</translation>
        </message>
        <message>
            <source>The receipt appears here when the sale is finished.</source>
            <translation>Der Bon erscheint hier, wenn der Verkauf abgeschlossen ist.</translation>
        </message>
        <message>
            <source>Print (Ctrl+P)</source>
            <translation>Drucken (Strg+P)</translation>
        </message>
        <message>
            <source>Resume sale</source>
            <translation>Verkauf fortsetzen</translation>
        </message>
        <message>
            <source>Void sale (F8)</source>
            <translation>Stornieren (F8)</translation>
        </message>
        <message>
            <source>Manager…</source>
            <translation>Filialleitung…</translation>
        </message>
        <message>
            <source>Technician…</source>
            <translation>Techniker…</translation>
        </message>
        <message>
            <source>&amp;Staff</source>
            <translation>&amp;Personal</translation>
        </message>
        <message>
            <source>That function is not available on this till yet.</source>
            <translation>Diese Funktion gibt es an dieser Kasse noch nicht.</translation>
        </message>
        <message>
            <source>Backend: checking…</source>
            <translation>Server: wird geprüft…</translation>
        </message>
        <message>
            <source>Pending operations: 0</source>
            <translation>Ausstehende Vorgänge: 0</translation>
        </message>
        <message>
            <source>● API key refused — call a technician</source>
            <translation>● API-Schlüssel abgelehnt — Techniker rufen</translation>
        </message>
        <message>
            <source>● Online</source>
            <translation>● Verbunden</translation>
        </message>
        <message>
            <source>● Offline — points are kept and sent later</source>
            <translation>● Offline — Punkte folgen später</translation>
        </message>
        <message>
            <source>Pending operations: {pending}</source>
            <translation>Ausstehende Vorgänge: {pending}</translation>
        </message>
        <message>
            <source>Swipe or scan a loyalty card, or type the member's phone (F2).</source>
            <extracomment>What F9 takes for the amount still due when nothing else pays it (``complete``).</extracomment>
            <translation>Kundenkarte durchziehen, scannen oder Telefon eingeben (F2).</translation>
        </message>
        <message>
            <source>Pay with points (F4)</source>
            <translation>Mit Punkten (F4)</translation>
        </message>
        <message>
            <source>Cash (F5)</source>
            <translation>Bar (F5)</translation>
        </message>
        <message>
            <source>Card terminal (F6)</source>
            <translation>Karte (F6)</translation>
        </message>
        <message>
            <source>Complete sale (F9)</source>
            <translation>Abschließen (F9)</translation>
        </message>
        <message>
            <source>Park sale (F11)</source>
            <translation>Parken (F11)</translation>
        </message>
        <message>
            <source>New sale (F10)</source>
            <translation>Neuer Bon (F10)</translation>
        </message>
        <message>
            <source>Manager (Ctrl+M)</source>
            <translation>Leitung (Strg+M)</translation>
        </message>
        <message>
            <source>Technician (Ctrl+T)</source>
            <translation>Technik (Strg+T)</translation>
        </message>
        <message>
            <source>&amp;Till</source>
            <translation>&amp;Kasse</translation>
        </message>
        <message>
            <source>Phone number</source>
            <translation>Telefonnummer</translation>
        </message>
        <message>
            <source>Remove member</source>
            <translation>Mitglied entfernen</translation>
        </message>
        <message>
            <source>Pay with points</source>
            <translation>Mit Punkten zahlen</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Bar</translation>
        </message>
        <message>
            <source>Card terminal</source>
            <translation>Kartenterminal</translation>
        </message>
        <message>
            <source>Register member</source>
            <translation>Mitglied anlegen</translation>
        </message>
        <message>
            <source>Void sale</source>
            <translation>Verkauf stornieren</translation>
        </message>
        <message>
            <source>Complete sale</source>
            <translation>Verkauf abschließen</translation>
        </message>
        <message>
            <source>New sale</source>
            <translation>Neuer Verkauf</translation>
        </message>
        <message>
            <source>Park sale</source>
            <translation>Verkauf parken</translation>
        </message>
        <message>
            <source>Print receipt</source>
            <translation>Bon drucken</translation>
        </message>
        <message>
            <source>Reprint last receipt</source>
            <translation>Letzten Bon nachdrucken</translation>
        </message>
        <message>
            <source>Cash and complete (F9)</source>
            <translation>Bar und fertig (F9)</translation>
        </message>
        <message>
            <source>Retry points payment (F4)</source>
            <translation>Punkte erneut (F4)</translation>
        </message>
        <message>
            <source>The card test bench is open: reads go to the bench.</source>
            <translation>Der Kartentest ist offen: Lesungen gehen dorthin.</translation>
        </message>
        <message>
            <source>Finish or close the open dialog first (Esc).</source>
            <translation>Zuerst den offenen Dialog abschließen oder schließen (Esc).</translation>
        </message>
        <message>
            <source>Looking the member up…</source>
            <translation>Mitglied wird gesucht…</translation>
        </message>
        <message>
            <source>{name}: offline, last known data. Points earned now are added when the loyalty server is back.</source>
            <translation>{name}: offline, zuletzt bekannte Daten. Jetzt gesammelte Punkte folgen, sobald der Bonusserver wieder da ist.</translation>
        </message>
        <message>
            <source>Member: {name}</source>
            <translation>Mitglied: {name}</translation>
        </message>
        <message>
            <source>Member removed from the sale.</source>
            <translation>Mitglied aus dem Verkauf entfernt.</translation>
        </message>
        <message>
            <source>{name}: {value} recorded.</source>
            <translation>{name}: {value} gebucht.</translation>
        </message>
        <message>
            <source>Cash: {value} recorded.</source>
            <translation>Bar: {value} gebucht.</translation>
        </message>
        <message>
            <source>Recording the points…</source>
            <translation>Punkte werden gebucht…</translation>
        </message>
        <message>
            <source>Sale parked: it comes back once its points payment is settled. Next customer, please.</source>
            <translation>Verkauf geparkt: er kommt zurück, sobald die Punktezahlung geklärt ist. Der Nächste, bitte.</translation>
        </message>
        <message>
            <source>Payment has started: complete (F9), void (F8) or park (F11) this sale first.</source>
            <translation>Zahlung läuft: diesen Verkauf zuerst abschließen (F9), stornieren (F8) oder parken (F11).</translation>
        </message>
        <message>
            <source>Wait: this sale is being finished.</source>
            <translation>Bitte warten: der Verkauf wird abgeschlossen.</translation>
        </message>
        <message>
            <source>New sale. Swipe or scan a loyalty card, or type the member's phone (F2).</source>
            <translation>Neuer Verkauf. Karte durchziehen, scannen oder Telefon eingeben (F2).</translation>
        </message>
        <message>
            <source>Sale voided.</source>
            <translation>Verkauf storniert.</translation>
        </message>
        <message>
            <source>Sale completed. Points pending: added when the server is back.</source>
            <translation>Verkauf abgeschlossen. Punkte ausstehend: Gutschrift, sobald der Server wieder da ist.</translation>
        </message>
        <message>
            <source>Sale completed. {earned_points} points earned.</source>
            <translation>Verkauf abgeschlossen. {earned_points} Punkte gesammelt.</translation>
        </message>
        <message>
            <source>Sale completed.</source>
            <translation>Verkauf abgeschlossen.</translation>
        </message>
        <message>
            <source>Payment has started: register the member after this sale.</source>
            <translation>Zahlung läuft: Mitglied nach diesem Verkauf anlegen.</translation>
        </message>
        <message>
            <source>New members can be registered when the loyalty server is back.</source>
            <translation>Neue Mitglieder können angelegt werden, sobald der Bonusserver wieder erreichbar ist.</translation>
        </message>
        <message>
            <source>Welcome, {name}: registered and added to this sale.</source>
            <translation>Willkommen, {name}: angelegt und diesem Verkauf zugeordnet.</translation>
        </message>
        <message>
            <source>Start a sale first.</source>
            <translation>Zuerst einen Verkauf beginnen.</translation>
        </message>
        <message>
            <source>Trying the points payment again…</source>
            <translation>Punktezahlung wird erneut versucht…</translation>
        </message>
        <message>
            <source>Points were already used on this sale.</source>
            <translation>Bei diesem Verkauf wurden schon Punkte eingelöst.</translation>
        </message>
        <message>
            <source>Identify the member first: swipe, scan, or phone (F2).</source>
            <translation>Zuerst das Mitglied erkennen: Karte, Scan oder Telefon (F2).</translation>
        </message>
        <message>
            <source>This loyalty account is inactive: it cannot redeem points.</source>
            <translation>Dieses Kundenkonto ist inaktiv: keine Punkte einlösbar.</translation>
        </message>
        <message>
            <source>The store's loyalty settings are not loaded yet; try again.</source>
            <translation>Die Bonus-Einstellungen der Filiale sind noch nicht geladen; erneut versuchen.</translation>
        </message>
        <message>
            <source>No points can be used: nothing is due, or the balance is empty.</source>
            <translation>Keine Punkte einlösbar: nichts offen oder kein Punktestand.</translation>
        </message>
        <message>
            <source>{points} points paid {value}. Due now: {value2}.</source>
            <translation>{points} Punkte zahlten {value}. Noch offen: {value2}.</translation>
        </message>
        <message>
            <source>The points payment is confirmed.</source>
            <translation>Die Punktezahlung ist bestätigt.</translation>
        </message>
        <message>
            <source>{message} The points payment is still unconfirmed: retry (F4), park the sale (F11) or pay another way (F5/F6).</source>
            <translation>{message} Die Punktezahlung ist noch unbestätigt: wiederholen (F4), Verkauf parken (F11) oder anders zahlen (F5/F6).</translation>
        </message>
        <message>
            <source>There is no open sale to void.</source>
            <translation>Kein offener Verkauf zum Stornieren.</translation>
        </message>
        <message>
            <source>Sale voided. The points are given back when the server is back.</source>
            <translation>Verkauf storniert. Die Punkte werden zurückgebucht, sobald der Server wieder da ist.</translation>
        </message>
        <message>
            <source>Member: {name} (the loyalty server is back)</source>
            <translation>Mitglied: {name} (Bonusserver wieder erreichbar)</translation>
        </message>
        <message>
            <source>The points kept while offline have been added.</source>
            <translation>Die offline gespeicherten Punkte wurden gutgeschrieben.</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Mitglied</translation>
        </message>
        <message>
            <source>No member</source>
            <translation>Kein Mitglied</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <source>Swipe or scan the loyalty card, or type the phone number or the number printed on the card (F2).</source>
            <translation>Kundenkarte durchziehen oder scannen, oder Telefonnummer bzw. Kartennummer eingeben (F2).</translation>
        </message>
        <message>
            <source>Phone or card number (F2)</source>
            <translation>Telefon/Karte (F2)</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>Suchen</translation>
        </message>
        <message>
            <source>Remove member (F3)</source>
            <translation>Entfernen (F3)</translation>
        </message>
        <message>
            <source>Register (F7)</source>
            <translation>Anlegen (F7)</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} Punkte</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <source>Inactive</source>
            <translation>Inaktiv</translation>
        </message>
        <message>
            <source>Offline: last known data from {when}</source>
            <translation>Offline: zuletzt bekannte Daten von {when}</translation>
        </message>
        <message>
            <source>6-digit code</source>
            <translation>6-stelliger Code</translation>
        </message>
        <message>
            <source>Confirm code (Enter)</source>
            <translation>Code bestätigen (Enter)</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>Erneut senden</translation>
        </message>
        <message>
            <source>Manager override (Ctrl+O)</source>
            <translation>Freigabe durch Leitung (Strg+O)</translation>
        </message>
        <message>
            <source>A new code was sent by SMS to {phone}. Ask the customer for the 6 digits.</source>
            <translation>Ein neuer Code wurde per SMS an {phone} gesendet. Den Kunden nach den 6 Ziffern fragen.</translation>
        </message>
        <message>
            <source>A code was sent by SMS to {phone}. Ask the customer for the 6 digits.</source>
            <translation>Ein Code wurde per SMS an {phone} gesendet. Den Kunden nach den 6 Ziffern fragen.</translation>
        </message>
        <message>
            <source>The code has 6 digits.</source>
            <translation>Der Code hat 6 Ziffern.</translation>
        </message>
        <message>
            <source>Time left: {value}</source>
            <translation>Verbleibend: {value}</translation>
        </message>
        <message>
            <source>The code has expired. Send a new code.</source>
            <translation>Der Code ist abgelaufen. Neuen Code senden.</translation>
        </message>
        <message>
            <source>Send again in {wait} s</source>
            <translation>Erneut senden in {wait} s</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Abbrechen (Esc)</translation>
        </message>
        <message>
            <source>The customer has {balance} points (worth {value}). Up to {cap} points ({value2}) can pay for this sale.</source>
            <translation>Der Kunde hat {balance} Punkte (Wert {value}). Bis zu {cap} Punkte ({value2}) können diesen Verkauf bezahlen.</translation>
        </message>
        <message>
            <source>Points:</source>
            <translation>Punkte:</translation>
        </message>
        <message>
            <source>or amount:</source>
            <translation>oder Betrag:</translation>
        </message>
        <message>
            <source>Value:</source>
            <translation>Wert:</translation>
        </message>
        <message>
            <source>Use the most (Alt+M)</source>
            <translation>Maximum nutzen (Alt+M)</translation>
        </message>
        <message>
            <source>Redeem (Enter)</source>
            <translation>Einlösen (Enter)</translation>
        </message>
        <message>
            <source>The customer's phone is not available: a manager can approve this redemption. It is recorded with the manager's name and the reason.</source>
            <translation>Das Handy des Kunden ist nicht verfügbar: die Filialleitung kann diese Einlösung freigeben. Sie wird mit Name und Grund gespeichert.</translation>
        </message>
        <message>
            <source>e.g. customer's phone is broken</source>
            <translation>z. B. Handy des Kunden defekt</translation>
        </message>
        <message>
            <source>Manager:</source>
            <translation>Leitung:</translation>
        </message>
        <message>
            <source>PIN:</source>
            <translation>PIN:</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>Grund:</translation>
        </message>
        <message>
            <source>Approve redemption</source>
            <translation>Einlösung freigeben</translation>
        </message>
        <message>
            <source>{points} points = {value} (the most this sale allows)</source>
            <translation>{points} Punkte = {value} (Maximum für diesen Verkauf)</translation>
        </message>
        <message>
            <source>{points} points = {value}</source>
            <translation>{points} Punkte = {value}</translation>
        </message>
        <message>
            <source>No code is needed for this store.</source>
            <translation>In dieser Filiale ist kein Code nötig.</translation>
        </message>
        <message>
            <source>A code will be sent to the customer's phone (needed from {value}).</source>
            <translation>Ein Code geht an das Handy des Kunden (nötig ab {value}).</translation>
        </message>
        <message>
            <source>No code needed below {value}.</source>
            <translation>Unter {value} ist kein Code nötig.</translation>
        </message>
        <message>
            <source>Enter the points (or the amount) to pay with points.</source>
            <translation>Punkte (oder Betrag) für die Punktezahlung eingeben.</translation>
        </message>
        <message>
            <source>Sending the code…</source>
            <translation>Code wird gesendet…</translation>
        </message>
        <message>
            <source>Enter the points first.</source>
            <translation>Zuerst die Punkte eingeben.</translation>
        </message>
        <message>
            <source>Enter the manager's name, PIN and a reason.</source>
            <translation>Name und PIN der Leitung und einen Grund eingeben.</translation>
        </message>
        <message>
            <source>Redeeming…</source>
            <translation>Wird eingelöst…</translation>
        </message>
        <message>
            <source>{why} Close this and press F4 to try again (it is never charged twice), park the sale (F11), or pay another way (F5/F6).</source>
            <translation>{why} Schließen und F4 drücken, um es erneut zu versuchen (nie doppelt belastet), Verkauf parken (F11) oder anders zahlen (F5/F6).</translation>
        </message>
        <message>
            <source>Something went wrong; the points were not used. Try again.</source>
            <translation>Etwas ist schiefgegangen; die Punkte wurden nicht eingelöst. Erneut versuchen.</translation>
        </message>
        <message>
            <source>Register a new member</source>
            <translation>Neues Mitglied anlegen</translation>
        </message>
        <message>
            <source>No member has this card or phone. Register the customer:</source>
            <translation>Kein Mitglied hat diese Karte oder Telefonnummer. Kunden anlegen:</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>optional</translation>
        </message>
        <message>
            <source>Phone:</source>
            <translation>Telefon:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Email:</source>
            <translation>E-Mail:</translation>
        </message>
        <message>
            <source>Card:</source>
            <translation>Karte:</translation>
        </message>
        <message>
            <source>Register (Enter)</source>
            <translation>Anlegen (Enter)</translation>
        </message>
        <message>
            <source>The phone number and the name are needed.</source>
            <translation>Telefonnummer und Name sind nötig.</translation>
        </message>
        <message>
            <source>Registering…</source>
            <translation>Wird angelegt…</translation>
        </message>
        <message>
            <source>The member could not be registered. Try again.</source>
            <translation>Das Mitglied konnte nicht angelegt werden. Erneut versuchen.</translation>
        </message>
        <message>
            <source>Sale</source>
            <translation>Verkauf</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Artikel</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Betrag</translation>
        </message>
        <message>
            <source>Enter adds the line</source>
            <translation>Enter fügt hinzu</translation>
        </message>
        <message>
            <source>Add line</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <source>Total:</source>
            <translation>Summe:</translation>
        </message>
        <message>
            <source>Loyalty Redemption:</source>
            <translation>Punkteeinlösung:</translation>
        </message>
        <message>
            <source>Paid:</source>
            <translation>Bezahlt:</translation>
        </message>
        <message>
            <source>Due:</source>
            <translation>Offen:</translation>
        </message>
        <message>
            <source>{points} points = {value} (not confirmed yet)</source>
            <translation>{points} Punkte = {value} (noch nicht bestätigt)</translation>
        </message>
        <message>
            <source>{points} points = {value} (being reversed)</source>
            <translation>{points} Punkte = {value} (wird storniert)</translation>
        </message>
        <message>
            <source>Completed — change {value}</source>
            <translation>Abgeschlossen — Rückgeld {value}</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <source>Voided</source>
            <translation>Storniert</translation>
        </message>
        <message>
            <source>Change {value}</source>
            <translation>Rückgeld {value}</translation>
        </message>
        <message>
            <source>Void the sale</source>
            <translation>Verkauf stornieren</translation>
        </message>
        <message>
            <source>Void sale (Enter)</source>
            <translation>Stornieren (Enter)</translation>
        </message>
        <message>
            <source>Keep the sale (Esc)</source>
            <translation>Verkauf behalten (Esc)</translation>
        </message>
        <message>
            <source>Give a reason.</source>
            <translation>Grund angeben.</translation>
        </message>
        <message>
            <source>Enter the manager's name and PIN.</source>
            <translation>Name und PIN der Leitung eingeben.</translation>
        </message>
        <message>
            <source>Enter the manager's PIN.</source>
            <translation>PIN der Leitung eingeben.</translation>
        </message>
    </context>
    <context>
        <name>Manager</name>
        <message>
            <source>Loyalty Till — Manager</source>
            <translation>Bonuskasse — Filialleitung</translation>
        </message>
        <message>
            <source>Close and &amp;lock</source>
            <translation>Schließen und &amp;sperren</translation>
        </message>
        <message>
            <source>OTP &amp;policy</source>
            <translation>&amp;Code-Regeln</translation>
        </message>
        <message>
            <source>&amp;Missed points</source>
            <translation>&amp;Fehlende Punkte</translation>
        </message>
        <message>
            <source>Re&amp;view list</source>
            <translation>&amp;Prüfliste</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Einstellungen</translation>
        </message>
        <message>
            <source>End of s&amp;hift</source>
            <translation>Sc&amp;hichtende</translation>
        </message>
        <message>
            <source>Campai&amp;gns</source>
            <translation>&amp;Aktionen</translation>
        </message>
        <message>
            <source>Manager: {staff}</source>
            <translation>Filialleitung: {staff}</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>Mo</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>Di</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>Mi</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>Do</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>Fr</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>Sa</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>So</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>Aktion</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Bis</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Wann</translation>
        </message>
        <message>
            <source>For</source>
            <translation>Für</translation>
        </message>
        <message>
            <source>Gives</source>
            <translation>Gibt</translation>
        </message>
        <message>
            <source>Points this shift</source>
            <translation>Punkte dieser Schicht</translation>
        </message>
        <message>
            <source>every day</source>
            <translation>täglich</translation>
        </message>
        <message>
            <source>Campaigns running or planned, and the points each gave on this till's sales since the start of the store's day.</source>
            <translation>Laufende und geplante Aktionen und die Punkte, die jede seit Tagesbeginn bei Verkäufen dieser Kasse vergeben hat.</translation>
        </message>
        <message>
            <source>&amp;Reload</source>
            <translation>&amp;Neu laden</translation>
        </message>
        <message>
            <source>Loading the campaigns…</source>
            <translation>Aktionen werden geladen…</translation>
        </message>
        <message>
            <source>{value} campaign(s).</source>
            <translation>Aktionen: {value}.</translation>
        </message>
        <message>
            <source>The loyalty server can't be reached: the campaigns as this till last downloaded them ({value}).</source>
            <translation>Bonusserver nicht erreichbar: die Aktionen, wie diese Kasse sie zuletzt geladen hat ({value}).</translation>
        </message>
        <message>
            <source>Points given by campaigns this shift at this till: {total}</source>
            <translation>In dieser Schicht an dieser Kasse durch Aktionen vergebene Punkte: {total}</translation>
        </message>
        <message>
            <source>{value!r} cannot be written to the configuration</source>
            <translation>{value!r} kann nicht in die Konfiguration geschrieben werden</translation>
        </message>
        <message>
            <source>{kind} values cannot be written to the configuration</source>
            <translation>Werte vom Typ {kind} können nicht in die Konfiguration geschrieben werden</translation>
        </message>
        <message>
            <source>{path}: not valid TOML ({exc}); fix or remove it first</source>
            <translation>{path}: kein gültiges TOML ({exc}); zuerst korrigieren oder entfernen</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>Bon</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Betrag</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Punkte</translation>
        </message>
        <message>
            <source>Nothing was changed: the earlier allocation was not reversed ({problem}).</source>
            <translation>Nichts geändert: die frühere Zuordnung wurde nicht storniert ({problem}).</translation>
        </message>
        <message>
            <source>Saved on this till: the loyalty server cannot be reached now. The points will be moved to {target} when it is back.</source>
            <translation>An dieser Kasse gespeichert: der Bonusserver ist gerade nicht erreichbar. Die Punkte gehen an {target}, sobald er wieder da ist.</translation>
        </message>
        <message>
            <source>Done: the wrong allocation was reversed and {points} points given to {target}.</source>
            <translation>Erledigt: die falsche Zuordnung wurde storniert und {points} Punkte an {target} vergeben.</translation>
        </message>
        <message>
            <source>The wrong allocation was reversed; giving the points to {target} is saved on this till and will be sent when the server is back.</source>
            <translation>Die falsche Zuordnung wurde storniert; die Gutschrift an {target} ist an dieser Kasse gespeichert und wird gesendet, sobald der Server wieder da ist.</translation>
        </message>
        <message>
            <source>The wrong allocation was reversed, but the points could not be given to {target}: {problem}. Add them with the form above.</source>
            <translation>Die falsche Zuordnung wurde storniert, aber die Punkte konnten nicht an {target} gehen: {problem}. Mit dem Formular oben nachtragen.</translation>
        </message>
        <message>
            <source>Customer who got them by mistake</source>
            <translation>Kunde, der sie irrtümlich bekam</translation>
        </message>
        <message>
            <source>F&amp;ind</source>
            <translation>S&amp;uchen</translation>
        </message>
        <message>
            <source>Why, e.g. 'points given to the wrong phone number'</source>
            <translation>Warum, z. B. „Punkte an falsche Telefonnummer vergeben“</translation>
        </message>
        <message>
            <source>M&amp;ove points to the customer above</source>
            <translation>Punkte zum obigen Kunden &amp;verschieben</translation>
        </message>
        <message>
            <source>Correct a wrong allocation</source>
            <translation>Falsche Zuordnung korrigieren</translation>
        </message>
        <message>
            <source>Reaso&amp;n</source>
            <translation>&amp;Grund</translation>
        </message>
        <message>
            <source>Choose the transaction to move, give a reason, then Move.</source>
            <translation>Zu verschiebende Buchung wählen, Grund angeben, dann Verschieben.</translation>
        </message>
        <message>
            <source>This customer has no transaction whose points can be moved.</source>
            <translation>Dieser Kunde hat keine Buchung, deren Punkte sich verschieben lassen.</translation>
        </message>
        <message>
            <source>Find the customer who should get the points first (above).</source>
            <translation>Zuerst den Kunden suchen, der die Punkte bekommen soll (oben).</translation>
        </message>
        <message>
            <source>Find the customer who got the points and choose the transaction.</source>
            <translation>Kunden suchen, der die Punkte bekam, und die Buchung wählen.</translation>
        </message>
        <message>
            <source>The points are already with this customer: choose another customer above.</source>
            <translation>Die Punkte sind schon bei diesem Kunden: oben einen anderen wählen.</translation>
        </message>
        <message>
            <source>The customer above is inactive: they cannot earn points.</source>
            <translation>Der Kunde oben ist inaktiv: er kann keine Punkte sammeln.</translation>
        </message>
        <message>
            <source>Give a reason for the correction.</source>
            <translation>Grund für die Korrektur angeben.</translation>
        </message>
        <message>
            <source>This transaction has no amount to re-allocate.</source>
            <translation>Diese Buchung hat keinen Betrag zum Umbuchen.</translation>
        </message>
        <message>
            <source>Moving…</source>
            <translation>Wird verschoben…</translation>
        </message>
        <message>
            <source>Phone number, email, app id or card number</source>
            <extracomment>(label, lookup keyword of BackendClient.lookup)</extracomment>
            <translation>Telefonnummer, E-Mail, App-ID oder Kartennummer</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Suchen</translation>
        </message>
        <message>
            <source>No customer chosen yet.</source>
            <translation>Noch kein Kunde gewählt.</translation>
        </message>
        <message>
            <source>Type what to search for.</source>
            <translation>Suchbegriff eingeben.</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Wird gesucht…</translation>
        </message>
        <message>
            <source>The manager area is closed: sign in again.</source>
            <translation>Der Bereich der Filialleitung ist geschlossen: erneut anmelden.</translation>
        </message>
        <message>
            <source>Too many wrong PINs: this manager is locked for 15 minutes.</source>
            <translation>Zu viele falsche PINs: diese Filialleitung ist 15 Minuten gesperrt.</translation>
        </message>
        <message>
            <source>The name or PIN is not right.</source>
            <translation>Name oder PIN stimmt nicht.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Manager sign-in&lt;/b&gt;</source>
            <translation>&lt;b&gt;Anmeldung Filialleitung&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Manager name</source>
            <translation>Name der Filialleitung</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Entsperren</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>&amp;PIN</source>
            <translation>&amp;PIN</translation>
        </message>
        <message>
            <source>Enter the manager's name and PIN.</source>
            <translation>Name und PIN der Filialleitung eingeben.</translation>
        </message>
        <message>
            <source>A PIN is 4 to 8 digits.</source>
            <translation>Eine PIN hat 4 bis 8 Ziffern.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Wird geprüft…</translation>
        </message>
        <message>
            <source>Only a manager can open the manager area. {name} is signed up as {role}.</source>
            <translation>Nur die Filialleitung kann diesen Bereich öffnen. {name} ist angemeldet als {role}.</translation>
        </message>
        <message>
            <source>Signed in as {staff}.</source>
            <translation>Angemeldet als {staff}.</translation>
        </message>
        <message>
            <source>Done: {points} points given to {customer}. New balance {balance}.</source>
            <translation>Erledigt: {points} Punkte an {customer} vergeben. Neuer Punktestand {balance}.</translation>
        </message>
        <message>
            <source>Done: {points} points given to {customer}.</source>
            <translation>Erledigt: {points} Punkte an {customer} vergeben.</translation>
        </message>
        <message>
            <source>Saved on this till: the loyalty server cannot be reached now. The points will be given when it is back (see pending operations).</source>
            <translation>An dieser Kasse gespeichert: der Bonusserver ist gerade nicht erreichbar. Die Punkte werden vergeben, sobald er wieder da ist (siehe ausstehende Vorgänge).</translation>
        </message>
        <message>
            <source>Not done: {problem}</source>
            <translation>Nicht erledigt: {problem}</translation>
        </message>
        <message>
            <source>Customer to credit</source>
            <translation>Kunde für die Gutschrift</translation>
        </message>
        <message>
            <source>As printed on the receipt</source>
            <translation>Wie auf dem Bon gedruckt</translation>
        </message>
        <message>
            <source>Points: —</source>
            <translation>Punkte: —</translation>
        </message>
        <message>
            <source>&amp;Create transaction</source>
            <translation>Buchung &amp;anlegen</translation>
        </message>
        <message>
            <source>From this till's sal&amp;es</source>
            <translation>Aus den &amp;Verkäufen dieser Kasse</translation>
        </message>
        <message>
            <source>&amp;Receipt number</source>
            <translation>&amp;Bonnummer</translation>
        </message>
        <message>
            <source>&amp;Date and time</source>
            <translation>&amp;Datum und Uhrzeit</translation>
        </message>
        <message>
            <source>S&amp;tore</source>
            <translation>&amp;Filiale</translation>
        </message>
        <message>
            <source>&amp;Amount</source>
            <translation>&amp;Betrag</translation>
        </message>
        <message>
            <source>Add missed points</source>
            <translation>Fehlende Punkte nachtragen</translation>
        </message>
        <message>
            <source>(this till's sales are not available: type the receipt)</source>
            <translation>(Verkäufe dieser Kasse nicht verfügbar: Bon eingeben)</translation>
        </message>
        <message>
            <source>(type the receipt below)</source>
            <translation>(Bon unten eingeben)</translation>
        </message>
        <message>
            <source>(this till's sales could not be read: type the receipt)</source>
            <translation>(Verkäufe dieser Kasse nicht lesbar: Bon eingeben)</translation>
        </message>
        <message>
            <source>Points: {points}</source>
            <translation>Punkte: {points}</translation>
        </message>
        <message>
            <source>Creating…</source>
            <translation>Wird angelegt…</translation>
        </message>
        <message>
            <source>When the first box is ticked, redeeming points worth at least the minimum value needs the code sent to the customer's phone. A minimum of 0.00 means always.</source>
            <translation>Ist das erste Kästchen angehakt, braucht das Einlösen von Punkten ab dem Mindestwert den Code, der an das Handy des Kunden geht. Ein Mindestwert von 0,00 heißt: immer.</translation>
        </message>
        <message>
            <source>&amp;OTP is mandatory to redeem loyalty</source>
            <translation>&amp;Code (OTP) zum Einlösen von Punkten erforderlich</translation>
        </message>
        <message>
            <source>S&amp;ave policy</source>
            <translation>Regeln &amp;speichern</translation>
        </message>
        <message>
            <source>M&amp;inimum value of OTP based redeem</source>
            <translation>M&amp;indestwert für Einlösen mit Code</translation>
        </message>
        <message>
            <source>Loading the store's policy…</source>
            <translation>Regeln der Filiale werden geladen…</translation>
        </message>
        <message>
            <source>The minimum value must be an amount of 0.00 or more, like 5.00.</source>
            <translation>Der Mindestwert muss ein Betrag ab 0,00 sein, z. B. 5,00.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <source>Saved. {value}</source>
            <translation>Gespeichert. {value}</translation>
        </message>
        <message>
            <source>Now: no code is asked when points are redeemed.</source>
            <translation>Jetzt: beim Einlösen wird kein Code verlangt.</translation>
        </message>
        <message>
            <source>Now: every redemption needs the customer's code.</source>
            <translation>Jetzt: jede Einlösung braucht den Code des Kunden.</translation>
        </message>
        <message>
            <source>Now: redemptions worth {amount} or more need the customer's code.</source>
            <translation>Jetzt: Einlösungen ab {amount} brauchen den Code des Kunden.</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Amount / points</source>
            <translation>Betrag / Punkte</translation>
        </message>
        <message>
            <source>Why it was refused</source>
            <translation>Ablehnungsgrund</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Alter</translation>
        </message>
        <message>
            <source>Operations the loyalty server refused. Retry after fixing the cause; Cancel gives the operation up (it stays in the till's journal as cancelled).</source>
            <extracomment>op_id -&gt; why Retry is not allowed for it (redemptions whose sale no longer waits).</extracomment>
            <translation>Vom Bonusserver abgelehnte Vorgänge. Nach Behebung der Ursache wiederholen; Abbrechen gibt den Vorgang auf (er bleibt als abgebrochen im Journal der Kasse).</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>&amp;Cancel operation…</source>
            <translation>Vorgang &amp;abbrechen…</translation>
        </message>
        <message>
            <source>Refused operations to review: {n}.</source>
            <translation>Abgelehnte Vorgänge zu prüfen: {n}.</translation>
        </message>
        <message>
            <source>Nothing to review: the server accepted every operation.</source>
            <translation>Nichts zu prüfen: der Server hat jeden Vorgang angenommen.</translation>
        </message>
        <message>
            <source>&amp;Cancel on the backend…</source>
            <translation>Auf dem Server &amp;abbrechen…</translation>
        </message>
        <message>
            <source>&amp;Yes, cancel it</source>
            <translation>&amp;Ja, abbrechen</translation>
        </message>
        <message>
            <source>&amp;No, keep it</source>
            <translation>&amp;Nein, behalten</translation>
        </message>
        <message>
            <source>Kept: nothing was cancelled.</source>
            <translation>Behalten: nichts wurde abgebrochen.</translation>
        </message>
        <message>
            <source>This till can't cancel a redemption on the backend here.</source>
            <translation>Diese Kasse kann hier keine Einlösung auf dem Server abbrechen.</translation>
        </message>
        <message>
            <source>Cancelling on the loyalty server…</source>
            <translation>Wird auf dem Bonusserver abgebrochen…</translation>
        </message>
        <message>
            <source>Restart the till to apply device and backend address changes.</source>
            <translation>Kasse neu starten, damit Änderungen an Geräten und Serveradresse gelten.</translation>
        </message>
        <message>
            <source>&amp;Keyboard-wedge readers</source>
            <extracomment>(field, label) of the device settings shown here; other device keys are kept as they are.</extracomment>
            <translation>&amp;Tastatur-Lesegeräte</translation>
        </message>
        <message>
            <source>Scanner keyboard la&amp;yout</source>
            <translation>Tastatur&amp;layout des Scanners</translation>
        </message>
        <message>
            <source>Scanner &amp;terminator</source>
            <translation>Scanner-&amp;Abschlusszeichen</translation>
        </message>
        <message>
            <source>Serial po&amp;rt</source>
            <translation>Serieller &amp;Anschluss</translation>
        </message>
        <message>
            <source>Serial &amp;baud rate</source>
            <translation>Serielle &amp;Baudrate</translation>
        </message>
        <message>
            <source>Serial &amp;framing</source>
            <translation>Serielles &amp;Datenformat</translation>
        </message>
        <message>
            <source>Serial termi&amp;nator</source>
            <translation>Serielles Abschluss&amp;zeichen</translation>
        </message>
        <message>
            <source>&amp;Camera</source>
            <translation>&amp;Kamera</translation>
        </message>
        <message>
            <source>Barcode &amp;decoder</source>
            <translation>Barcode-&amp;Decoder</translation>
        </message>
        <message>
            <source>Member &amp;QR prefix</source>
            <translation>&amp;QR-Präfix für Mitglieder</translation>
        </message>
        <message>
            <source>comma-separated /dev/input/by-id/… paths or VID:PID, empty: none</source>
            <translation>kommagetrennte /dev/input/by-id/…-Pfade oder VID:PID, leer: keine</translation>
        </message>
        <message>
            <source>e.g. /dev/ttyUSB0, empty: none</source>
            <translation>z. B. /dev/ttyUSB0, leer: keiner</translation>
        </message>
        <message>
            <source>index (0), /dev/video0, file or stream URL; empty: none</source>
            <translation>Index (0), /dev/video0, Datei oder Stream-URL; leer: keine</translation>
        </message>
        <message>
            <source>empty: the built-in demo backend</source>
            <translation>leer: das eingebaute Demo-Backend</translation>
        </message>
        <message>
            <source>Stored API key: checking…</source>
            <translation>Gespeicherter API-Schlüssel: wird geprüft…</translation>
        </message>
        <message>
            <source>New API key (leave empty to keep the stored one)</source>
            <translation>Neuer API-Schlüssel (leer lassen, um den gespeicherten zu behalten)</translation>
        </message>
        <message>
            <source>Store key &amp;in keyring</source>
            <translation>Schlüssel im Schlüssel&amp;bund speichern</translation>
        </message>
        <message>
            <source>Test c&amp;onnection</source>
            <translation>&amp;Verbindung testen</translation>
        </message>
        <message>
            <source>Loyalty backend</source>
            <translation>Bonusserver</translation>
        </message>
        <message>
            <source>Backend &amp;URL</source>
            <translation>Backend-&amp;URL</translation>
        </message>
        <message>
            <source>New &amp;API key</source>
            <translation>Neuer &amp;API-Schlüssel</translation>
        </message>
        <message>
            <source>Card and code readers</source>
            <translation>Karten- und Codeleser</translation>
        </message>
        <message>
            <source>Sav&amp;e settings</source>
            <translation>Einstellungen &amp;speichern</translation>
        </message>
        <message>
            <source>The serial baud rate must be a whole number, like 9600.</source>
            <translation>Die Baudrate muss eine ganze Zahl sein, z. B. 9600.</translation>
        </message>
        <message>
            <source>Stored API key: {masked}</source>
            <translation>Gespeicherter API-Schlüssel: {masked}</translation>
        </message>
        <message>
            <source>Stored API key: none ({value})</source>
            <translation>Gespeicherter API-Schlüssel: keiner ({value})</translation>
        </message>
        <message>
            <source>The backend URL must start with http:// or https://.</source>
            <translation>Die Backend-URL muss mit http:// oder https:// beginnen.</translation>
        </message>
        <message>
            <source>Saved to {path}. {RESTART_NOTE}</source>
            <translation>Gespeichert in {path}. {RESTART_NOTE}</translation>
        </message>
        <message>
            <source>The settings could not be saved to {path}: {exc}</source>
            <translation>Die Einstellungen konnten nicht in {path} gespeichert werden: {exc}</translation>
        </message>
        <message>
            <source>Type the new API key first.</source>
            <translation>Zuerst den neuen API-Schlüssel eingeben.</translation>
        </message>
        <message>
            <source>API key {masked} stored in the OS keyring.</source>
            <translation>API-Schlüssel {masked} im Schlüsselbund des Systems gespeichert.</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Verbindung wird hergestellt…</translation>
        </message>
        <message>
            <source>Connected: store {store}, till {till}.</source>
            <translation>Verbunden: Filiale {store}, Kasse {till}.</translation>
        </message>
        <message>
            <source>No connection: {value}</source>
            <translation>Keine Verbindung: {value}</translation>
        </message>
        <message>
            <source>Loyalty end-of-shift summary</source>
            <translation>Bonusprogramm: Schichtabschluss</translation>
        </message>
        <message>
            <source>Sho&amp;w</source>
            <translation>&amp;Anzeigen</translation>
        </message>
        <message>
            <source>P&amp;rint…</source>
            <translation>&amp;Drucken…</translation>
        </message>
        <message>
            <source>Save as P&amp;DF</source>
            <translation>Als P&amp;DF speichern</translation>
        </message>
        <message>
            <source>Save as te&amp;xt</source>
            <translation>Als &amp;Text speichern</translation>
        </message>
        <message>
            <source>&amp;From</source>
            <translation>&amp;Von</translation>
        </message>
        <message>
            <source>&amp;To</source>
            <translation>&amp;Bis</translation>
        </message>
        <message>
            <source>Adding up…</source>
            <translation>Wird summiert…</translation>
        </message>
        <message>
            <source>Could not save {target}: {strerror}</source>
            <translation>{target} konnte nicht gespeichert werden: {strerror}</translation>
        </message>
        <message>
            <source>Saved {target}</source>
            <translation>{target} gespeichert</translation>
        </message>
        <message>
            <source>Could not save {target}.</source>
            <translation>{target} konnte nicht gespeichert werden.</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>An den Drucker gesendet.</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>The receipt printer is offline: check its cover and power.</source>
            <translation>Der Bondrucker ist offline: Deckel und Stromversorgung prüfen.</translation>
        </message>
        <message>
            <source>The receipt printer is out of paper: put in a new roll.</source>
            <translation>Dem Bondrucker fehlt Papier: neue Rolle einlegen.</translation>
        </message>
        <message>
            <source>printer.{key} must be a hex id like 04b8, not {value}</source>
            <translation>printer.{key} muss eine Hex-ID wie 04b8 sein, nicht {value}</translation>
        </message>
        <message>
            <source>No receipt printer is set up on this till.</source>
            <translation>An dieser Kasse ist kein Bondrucker eingerichtet.</translation>
        </message>
        <message>
            <source>The receipt printer ({printer}) does not answer: check that it is switched on and plugged in.</source>
            <translation>Der Bondrucker ({printer}) antwortet nicht: prüfen, ob er eingeschaltet und angeschlossen ist.</translation>
        </message>
        <message>
            <source>The receipt printer ({printer}) stopped answering while printing: check it, then reprint the last receipt.</source>
            <translation>Der Bondrucker ({printer}) antwortet beim Drucken nicht mehr: prüfen und den letzten Bon erneut drucken.</translation>
        </message>
        <message>
            <source>receipt {number}</source>
            <translation>Bon {number}</translation>
        </message>
        <message>
            <source>the receipt</source>
            <translation>den Bon</translation>
        </message>
        <message>
            <source>{points} points added for {which}. New balance: {balance} points.</source>
            <translation>{points} Punkte für {which} gutgeschrieben. Neuer Punktestand: {balance} Punkte.</translation>
        </message>
        <message>
            <source>Claim of {which} recorded: the points are added when the loyalty server is back.</source>
            <translation>Anspruch für {which} gespeichert: Punkte folgen, sobald der Bonusserver wieder erreichbar ist.</translation>
        </message>
        <message>
            <source>Points were already given for {which}.</source>
            <translation>Für {which} wurden bereits Punkte vergeben.</translation>
        </message>
        <message>
            <source>This receipt is too old to be claimed now.</source>
            <translation>Dieser Bon ist zu alt, um Punkte nachzutragen.</translation>
        </message>
        <message>
            <source>This receipt's code is not valid: it was not printed by our tills.</source>
            <translation>Der Code dieses Bons ist ungültig: er stammt nicht von unseren Kassen.</translation>
        </message>
        <message>
            <source>The claim of {which} was refused.</source>
            <translation>Der Anspruch für {which} wurde abgelehnt.</translation>
        </message>
        <message>
            <source>*** COPY ***</source>
            <translation>*** KOPIE ***</translation>
        </message>
        <message>
            <source>Receipt {number} printed.</source>
            <translation>Bon {number} gedruckt.</translation>
        </message>
        <message>
            <source>{problem} The sale is not affected.</source>
            <translation>{problem} Der Verkauf ist davon nicht betroffen.</translation>
        </message>
        <message>
            <source>The receipt could not be printed (see the log). The sale is not affected.</source>
            <translation>Der Bon konnte nicht gedruckt werden (siehe Protokoll). Der Verkauf ist davon nicht betroffen.</translation>
        </message>
        <message>
            <source>No receipt to reprint yet on this till.</source>
            <translation>An dieser Kasse gibt es noch keinen Bon zum Nachdrucken.</translation>
        </message>
        <message>
            <source>This is a receipt's points code: identify the member first (card, code or phone), then scan it again.</source>
            <translation>Das ist der Punkte-Code eines Bons: zuerst das Mitglied erkennen (Karte, Code oder Telefon), dann erneut scannen.</translation>
        </message>
        <message>
            <source>Adding the points of receipt {number} for {name}…</source>
            <translation>Punkte von Bon {number} für {name} werden gutgeschrieben…</translation>
        </message>
        <message>
            <source>The receipt could not be claimed: call a manager.</source>
            <translation>Punkte für den Bon konnten nicht nachgetragen werden: Filialleitung rufen.</translation>
        </message>
        <message>
            <source>That is not a receipt claim key: {exc}</source>
            <translation>Das ist kein Bon-Schlüssel: {exc}</translation>
        </message>
        <message>
            <source>No OS keyring is available to store the claim key in</source>
            <translation>Kein Schlüsselbund des Systems verfügbar, um den Bon-Schlüssel zu speichern</translation>
        </message>
        <message>
            <source>The OS keyring ({value}) stores secrets in plain text; refusing it.</source>
            <translation>Der Schlüsselbund des Systems ({value}) speichert Geheimnisse im Klartext; abgelehnt.</translation>
        </message>
        <message>
            <source>{path}: not valid TOML ({exc}); fix or remove it first</source>
            <translation>{path}: kein gültiges TOML ({exc}); zuerst korrigieren oder entfernen</translation>
        </message>
        <message>
            <source>Printer host (network)</source>
            <translation>Drucker-Host (Netzwerk)</translation>
        </message>
        <message>
            <source>Printer port (network, 9100)</source>
            <translation>Drucker-Port (Netzwerk, 9100)</translation>
        </message>
        <message>
            <source>Printer serial port</source>
            <translation>Serieller Anschluss des Druckers</translation>
        </message>
        <message>
            <source>Printer baud rate</source>
            <translation>Baudrate des Druckers</translation>
        </message>
        <message>
            <source>USB vendor id (hex)</source>
            <translation>USB-Hersteller-ID (hex)</translation>
        </message>
        <message>
            <source>USB product id (hex)</source>
            <translation>USB-Produkt-ID (hex)</translation>
        </message>
        <message>
            <source>Printer device file</source>
            <translation>Gerätedatei des Druckers</translation>
        </message>
        <message>
            <source>python-escpos profile</source>
            <translation>python-escpos-Profil</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>Bondrucker</translation>
        </message>
        <message>
            <source>Printer kind</source>
            <translation>Druckerart</translation>
        </message>
        <message>
            <source>Paper width (mm)</source>
            <translation>Papierbreite (mm)</translation>
        </message>
        <message>
            <source>Save printer</source>
            <translation>Drucker speichern</translation>
        </message>
        <message>
            <source>Print test receipt</source>
            <translation>Testbon drucken</translation>
        </message>
        <message>
            <source>The printer's {value} must be a number.</source>
            <translation>Beim Drucker muss „{value}“ eine Zahl sein.</translation>
        </message>
        <message>
            <source>Printer saved to {path}: used from the till's next start.</source>
            <translation>Drucker in {path} gespeichert: gilt ab dem nächsten Start der Kasse.</translation>
        </message>
        <message>
            <source>Printing a test receipt on the {value}…</source>
            <translation>Testbon wird gedruckt auf: {value}…</translation>
        </message>
        <message>
            <source>Test receipt printed.</source>
            <translation>Testbon gedruckt.</translation>
        </message>
    </context>
    <context>
        <name>Receipt</name>
        <message>
            <source>Receipt {number}</source>
            <translation>Bon {number}</translation>
        </message>
        <message>
            <source>TOTAL</source>
            <translation>SUMME</translation>
        </message>
        <message>
            <source>Points payment {points} pt</source>
            <translation>Punktezahlung {points} P</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Rückgeld</translation>
        </message>
        <message>
            <source>*** SALE VOIDED ***</source>
            <translation>*** VERKAUF STORNIERT ***</translation>
        </message>
        <message>
            <source>Points given back: {points}</source>
            <translation>Punkte zurückgebucht: {points}</translation>
        </message>
        <message>
            <source>Collect {points} points: scan this code at the till or with your phone</source>
            <translation>{points} Punkte sammeln: diesen Code an der Kasse oder mit dem Handy scannen</translation>
        </message>
        <message>
            <source>Collect your points: scan this code at the till or with your phone</source>
            <translation>Punkte sammeln: diesen Code an der Kasse oder mit dem Handy scannen</translation>
        </message>
        <message>
            <source>Valid for {days} days</source>
            <translation>{days} Tage gültig</translation>
        </message>
        <message>
            <source>Thank you!</source>
            <translation>Vielen Dank!</translation>
        </message>
        <message>
            <source>Member: {name} ({phone})</source>
            <translation>Mitglied: {name} ({phone})</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>Punkte eingelöst</translation>
        </message>
        <message>
            <source>Points earned</source>
            <translation>Punkte gesammelt</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>ausstehend</translation>
        </message>
        <message>
            <source>(points pending: they will be added when the loyalty server is back)</source>
            <translation>(Punkte ausstehend: sie werden gutgeschrieben, sobald der Bonusserver wieder erreichbar ist)</translation>
        </message>
        <message>
            <source>New balance</source>
            <translation>Neuer Punktestand</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} Punkte</translation>
        </message>
        <message>
            <source>Next expiry</source>
            <translation>Nächster Verfall</translation>
        </message>
        <message>
            <source>{points} pt on {day}</source>
            <translation>{points} P am {day}</translation>
        </message>
        <message>
            <source>Loyalty Redemption {points} pt</source>
            <translation>Punkteeinlösung {points} P</translation>
        </message>
        <message>
            <source>Points redeemed: {points}</source>
            <translation>Punkte eingelöst: {points}</translation>
        </message>
        <message>
            <source>Points earned: {points}</source>
            <translation>Punkte gesammelt: {points}</translation>
        </message>
        <message>
            <source>Points earned: pending</source>
            <translation>Punkte gesammelt: ausstehend</translation>
        </message>
        <message>
            <source>(points pending: they will be added</source>
            <translation>(Punkte ausstehend: Gutschrift folgt,</translation>
        </message>
        <message>
            <source> when the loyalty server is back)</source>
            <translation> sobald der Bonusserver erreichbar ist)</translation>
        </message>
        <message>
            <source>New balance: {points} points</source>
            <translation>Neuer Punktestand: {points} Punkte</translation>
        </message>
        <message>
            <source>New balance: points pending</source>
            <translation>Neuer Punktestand: Punkte ausstehend</translation>
        </message>
        <message>
            <source>{n} point expires on {day}</source>
            <translation>{n} Punkt verfällt am {day}</translation>
        </message>
        <message>
            <source>{n} points expire on {day}</source>
            <translation>{n} Punkte verfallen am {day}</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>Return</source>
            <translation>Rückgabe</translation>
        </message>
        <message>
            <source>Scan the receipt's barcode or type its number, then Enter.</source>
            <translation>Barcode des Bons scannen oder Nummer eingeben, dann Enter.</translation>
        </message>
        <message>
            <source>Receipt number</source>
            <translation>Bonnummer</translation>
        </message>
        <message>
            <source>…or the amount returned (Enter)</source>
            <translation>…oder Rückgabebetrag (Enter)</translation>
        </message>
        <message>
            <source>Take the points back (Enter)</source>
            <translation>Punkte zurückbuchen (Enter)</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Schließen (Esc)</translation>
        </message>
        <message>
            <source>That is a card: scan the receipt's barcode, or type its number.</source>
            <translation>Das ist eine Karte: Barcode des Bons scannen oder Nummer eingeben.</translation>
        </message>
        <message>
            <source>That scan can't be read as a receipt number: type the number printed on the receipt, then Enter.</source>
            <translation>Der Scan ist keine Bonnummer: die auf dem Bon gedruckte Nummer eingeben, dann Enter.</translation>
        </message>
        <message>
            <source>Type the receipt number as printed on the receipt.</source>
            <translation>Bonnummer wie auf dem Bon gedruckt eingeben.</translation>
        </message>
        <message>
            <source>The till's sales could not be read: type the amount returned.</source>
            <translation>Die Verkäufe der Kasse sind nicht lesbar: Rückgabebetrag eingeben.</translation>
        </message>
        <message>
            <source>This sale had no loyalty member: no points to take back.</source>
            <translation>Dieser Verkauf hatte kein Mitglied: keine Punkte zum Zurückbuchen.</translation>
        </message>
        <message>
            <source>Receipt {receipt_no}, {value}: Space picks each line returned, then Enter. Or Tab to type an amount.</source>
            <translation>Bon {receipt_no}, {value}: Leertaste wählt jede zurückgegebene Position, dann Enter. Oder Tab, um einen Betrag einzugeben.</translation>
        </message>
        <message>
            <source>Receipt {receipt_no} was not rung at this till: type the amount returned, then Enter.</source>
            <translation>Bon {receipt_no} wurde nicht an dieser Kasse gebucht: Rückgabebetrag eingeben, dann Enter.</translation>
        </message>
        <message>
            <source>Pick the lines returned (Space), or type the amount returned.</source>
            <translation>Zurückgegebene Positionen wählen (Leertaste) oder Rückgabebetrag eingeben.</translation>
        </message>
        <message>
            <source>These lines were paid with points: they earned none to take back.</source>
            <translation>Diese Positionen wurden mit Punkten bezahlt: sie brachten keine Punkte zum Zurückbuchen.</translation>
        </message>
        <message>
            <source>Recording the return…</source>
            <translation>Rückgabe wird gebucht…</translation>
        </message>
        <message>
            <source>The return could not be recorded on this till. Call a manager.</source>
            <translation>Die Rückgabe konnte an dieser Kasse nicht gebucht werden. Filialleitung rufen.</translation>
        </message>
        <message>
            <source>Done (Enter)</source>
            <translation>Fertig (Enter)</translation>
        </message>
        <message>
            <source>Return ({KEY})</source>
            <translation>Rückgabe ({KEY})</translation>
        </message>
        <message>
            <source>Return	{KEY}</source>
            <translation>Rückgabe	{KEY}</translation>
        </message>
        <message>
            <source>Finish or close the open dialog first (Esc).</source>
            <translation>Zuerst den offenen Dialog abschließen oder schließen (Esc).</translation>
        </message>
        <message>
            <source>Return of receipt {receipt_no}: {text}</source>
            <translation>Rückgabe zu Bon {receipt_no}: {text}</translation>
        </message>
    </context>
    <context>
        <name>TableOrders</name>
        <message>
            <source>Open order ({OPEN_KEY})</source>
            <translation>Bestellung öffnen ({OPEN_KEY})</translation>
        </message>
        <message>
            <source>New table QR ({ROTATE_KEY})</source>
            <translation>Neuer Tisch-QR ({ROTATE_KEY})</translation>
        </message>
        <message>
            <source>Orders waiting: {n}. {key} opens the selected one.</source>
            <translation>Wartende Bestellungen: {n}. {key} öffnet die gewählte.</translation>
        </message>
        <message>
            <source>No orders from the tables.</source>
            <translation>Keine Bestellungen von den Tischen.</translation>
        </message>
        <message>
            <source>Open table order</source>
            <extracomment>The feed's long-poll wait (the backend's longest): a new order still arrives at once, and a stopping backend answers waiting polls first (server/closing_server.py).</extracomment>
            <translation>Tischbestellung öffnen</translation>
        </message>
        <message>
            <source>Table orders list</source>
            <translation>Liste der Tischbestellungen</translation>
        </message>
        <message>
            <source>New table QR code</source>
            <translation>Neuer Tisch-QR-Code</translation>
        </message>
        <message>
            <source>Opening the order of table {table}…</source>
            <translation>Bestellung von Tisch {table} wird geöffnet…</translation>
        </message>
        <message>
            <source>Table {table}: {exc}</source>
            <translation>Tisch {table}: {exc}</translation>
        </message>
        <message>
            <source>The order could not be opened. Call a manager.</source>
            <translation>Die Bestellung konnte nicht geöffnet werden. Filialleitung rufen.</translation>
        </message>
        <message>
            <source>Sale voided: the order of table {table} is still open here.</source>
            <translation>Verkauf storniert: die Bestellung von Tisch {table} ist hier noch offen.</translation>
        </message>
        <message>
            <source>Table {table}: the order is paid.</source>
            <translation>Tisch {table}: die Bestellung ist bezahlt.</translation>
        </message>
        <message>
            <source>Table {table}: the order is marked paid when the server is back.</source>
            <translation>Tisch {table}: die Bestellung wird als bezahlt markiert, sobald der Server wieder erreichbar ist.</translation>
        </message>
        <message>
            <source>Table {table}: the order could not be marked paid ({message}). A manager can see it in the review list.</source>
            <translation>Tisch {table}: die Bestellung konnte nicht als bezahlt markiert werden ({message}). Die Filialleitung sieht sie in der Prüfliste.</translation>
        </message>
        <message>
            <source>A new seating: the table's earlier QR codes stop working.</source>
            <translation>Neue Belegung: die bisherigen QR-Codes des Tisches gelten nicht mehr.</translation>
        </message>
        <message>
            <source>Table:</source>
            <translation>Tisch:</translation>
        </message>
        <message>
            <source>New QR code (Enter)</source>
            <translation>Neuer QR-Code (Enter)</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Schließen (Esc)</translation>
        </message>
        <message>
            <source>Type the table's number.</source>
            <translation>Tischnummer eingeben.</translation>
        </message>
        <message>
            <source>Asking for a new code for table {table}…</source>
            <translation>Neuer Code für Tisch {table} wird angefordert…</translation>
        </message>
        <message>
            <source>Table {table}: scan this code.</source>
            <translation>Tisch {table}: diesen Code scannen.</translation>
        </message>
        <message>
            <source>Table {table}: scan this code, valid until {time}.</source>
            <translation>Tisch {table}: diesen Code scannen, gültig bis {time}.</translation>
        </message>
        <message>
            <source>The new code could not be made. Call a manager.</source>
            <translation>Der neue Code konnte nicht erstellt werden. Filialleitung rufen.</translation>
        </message>
    </context>
    <context>
        <name>TechBench</name>
        <message>
            <source>swipe the card, or type its number</source>
            <translation>Karte durchziehen oder Nummer eingeben</translation>
        </message>
        <message>
            <source>&amp;Generate Code 128 + QR (SVG and PNG)</source>
            <translation>Code 128 + QR &amp;erzeugen (SVG und PNG)</translation>
        </message>
        <message>
            <source>Then scan the printed card with the scanner or the camera to compare.</source>
            <translation>Dann die gedruckte Karte zum Vergleich mit Scanner oder Kamera scannen.</translation>
        </message>
        <message>
            <source>Card number</source>
            <translation>Kartennummer</translation>
        </message>
        <message>
            <source>Write images to</source>
            <translation>Bilder speichern in</translation>
        </message>
        <message>
            <source>Swipe the card or type its number first.</source>
            <translation>Zuerst Karte durchziehen oder Nummer eingeben.</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <source>Print at 100 % (ID-1 card, 85.60 x 53.98 mm): {files}</source>
            <translation>In 100 % drucken (ID-1-Karte, 85,60 x 53,98 mm): {files}</translation>
        </message>
        <message>
            <source>The images could not be written: {problem}</source>
            <translation>Die Bilder konnten nicht gespeichert werden: {problem}</translation>
        </message>
        <message>
            <source>card number (optional): swipe or type</source>
            <translation>Kartennummer (optional): durchziehen oder eingeben</translation>
        </message>
        <message>
            <source>&amp;Run the checks</source>
            <translation>Prüfungen &amp;starten</translation>
        </message>
        <message>
            <source>Save a support b&amp;undle</source>
            <translation>Support-&amp;Paket speichern</translation>
        </message>
        <message>
            <source>Checks the till's network, the loyalty backend, the API key, a card, the readers and the journal.</source>
            <translation>Prüft Netzwerk der Kasse, Bonusserver, API-Schlüssel, eine Karte, die Lesegeräte und das Journal.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Wird geprüft…</translation>
        </message>
        <message>
            <source>Support bundle written to {path}</source>
            <translation>Support-Paket gespeichert unter {path}</translation>
        </message>
        <message>
            <source>The support bundle could not be written: {problem}</source>
            <translation>Das Support-Paket konnte nicht gespeichert werden: {problem}</translation>
        </message>
        <message>
            <source>Writing the support bundle…</source>
            <translation>Support-Paket wird gespeichert…</translation>
        </message>
        <message>
            <source>The checks could not run: {problem}</source>
            <translation>Die Prüfungen konnten nicht laufen: {problem}</translation>
        </message>
        <message>
            <source>Swipe a card or scan a code.</source>
            <translation>Karte durchziehen oder Code scannen.</translation>
        </message>
        <message>
            <source>Raw characters</source>
            <translation>Rohzeichen</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Tracks</source>
            <translation>Spuren</translation>
        </message>
        <message>
            <source>Checks (seed 001 card requirements)</source>
            <translation>Prüfungen (Kartenanforderungen Seed 001)</translation>
        </message>
        <message>
            <source>Read from {source} at {time}</source>
            <translation>Gelesen von {source} um {time}</translation>
        </message>
        <message>
            <source>Start a &amp;new session</source>
            <translation>&amp;Neue Sitzung starten</translation>
        </message>
        <message>
            <source>Swipe the same sample card</source>
            <translation>Dieselbe Musterkarte</translation>
        </message>
        <message>
            <source>times.</source>
            <translation>mal durchziehen.</translation>
        </message>
        <message>
            <source>{swipes} of {target} swipes</source>
            <translation>{swipes} von {target} Durchzügen</translation>
        </message>
        <message>
            <source>Card test bench (technician)</source>
            <translation>Kartentest (Techniker)</translation>
        </message>
        <message>
            <source>Readers: waiting for a read.</source>
            <translation>Lesegeräte: warten auf eine Lesung.</translation>
        </message>
        <message>
            <source>The bench takes this till's card readers while it is in front, and shows what each card holds: a manager signs the technician in.</source>
            <translation>Solange der Kartentest vorne ist, nutzt er die Lesegeräte dieser Kasse und zeigt, was jede Karte enthält. Die Filialleitung meldet den Techniker an.</translation>
        </message>
        <message>
            <source>Opened under {name}'s manager sign-in. Readers: waiting for a read.</source>
            <translation>Geöffnet mit der Anmeldung von Filialleitung {name}. Lesegeräte: warten auf eine Lesung.</translation>
        </message>
    </context>
    <context>
        <name>Tender</name>
        <message>
            <source>Cash</source>
            <translation>Bar</translation>
        </message>
        <message>
            <source>Card (terminal)</source>
            <translation>Karte (Terminal)</translation>
        </message>
        <message>
            <source>Loyalty Redemption</source>
            <translation>Punkteeinlösung</translation>
        </message>
    </context>
</TS>

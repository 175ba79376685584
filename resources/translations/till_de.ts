<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>BackendError</name>
    <message>
        <source>No loyalty account was found.</source>
        <translation>Es wurde kein Treuekonto gefunden.</translation>
    </message>
    <message>
        <source>This card is not registered to a customer yet.</source>
        <translation>Diese Karte ist noch keinem Kunden zugeordnet.</translation>
    </message>
    <message>
        <source>This loyalty account is inactive: it cannot earn or redeem points.</source>
        <translation>Dieses Treuekonto ist inaktiv: Es kann keine Punkte sammeln oder einlösen.</translation>
    </message>
    <message>
        <source>The customer does not have enough points for this.</source>
        <translation>Der Kunde hat dafür nicht genug Punkte.</translation>
    </message>
    <message>
        <source>This redemption needs the code sent to the customer&apos;s phone.</source>
        <translation>Für diese Einlösung wird der Code benötigt, der an das Telefon des Kunden geschickt wurde.</translation>
    </message>
    <message>
        <source>That code is not right.</source>
        <translation>Dieser Code ist nicht richtig.</translation>
    </message>
    <message>
        <source>The code has expired. Send a new code.</source>
        <translation>Der Code ist abgelaufen. Senden Sie einen neuen Code.</translation>
    </message>
    <message>
        <source>Too many wrong codes: this code is locked. A manager can override, or wait for it to expire.</source>
        <translation>Zu viele falsche Codes: Dieser Code ist gesperrt. Eine Führungskraft kann freigeben, oder warten Sie, bis er abläuft.</translation>
    </message>
    <message>
        <source>A new code cannot be sent yet.</source>
        <translation>Ein neuer Code kann noch nicht gesendet werden.</translation>
    </message>
    <message>
        <source>Too many codes were requested for this customer. Try again in a few minutes.</source>
        <translation>Für diesen Kunden wurden zu viele Codes angefordert. Versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>Points for this receipt were already given.</source>
        <translation>Die Punkte für diesen Bon wurden bereits gutgeschrieben.</translation>
    </message>
    <message>
        <source>No sale with points was found for this receipt number at this store.</source>
        <translation>Zu dieser Bonnummer wurde in dieser Filiale kein Verkauf mit Punkten gefunden.</translation>
    </message>
    <message>
        <source>That is more than is left to return on this receipt.</source>
        <translation>Das ist mehr, als auf diesem Bon noch zurückgegeben werden kann.</translation>
    </message>
    <message>
        <source>This campaign&apos;s points were already claimed for this receipt.</source>
        <translation>Die Punkte dieser Aktion wurden für diesen Bon bereits gutgeschrieben.</translation>
    </message>
    <message>
        <source>This campaign did not apply at the time of that sale.</source>
        <translation>Diese Aktion galt zum Zeitpunkt dieses Verkaufs nicht.</translation>
    </message>
    <message>
        <source>A manager must approve this.</source>
        <translation>Eine Führungskraft muss dies genehmigen.</translation>
    </message>
    <message>
        <source>The manager name or PIN is not right.</source>
        <translation>Name oder PIN der Führungskraft ist nicht richtig.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this manager is locked for 15 minutes.</source>
        <translation>Zu viele falsche PINs: Diese Führungskraft ist für 15 Minuten gesperrt.</translation>
    </message>
    <message>
        <source>This operation was already sent with different details. A manager must review it.</source>
        <translation>Dieser Vorgang wurde bereits mit anderen Angaben gesendet. Eine Führungskraft muss ihn prüfen.</translation>
    </message>
    <message>
        <source>The till&apos;s API key was refused. A technician must check it under Settings.</source>
        <translation>Der API-Schlüssel der Kasse wurde abgelehnt. Ein Techniker muss ihn unter Einstellungen prüfen.</translation>
    </message>
    <message>
        <source>The till&apos;s API key has been revoked. A technician must enter a new one under Settings.</source>
        <translation>Der API-Schlüssel der Kasse wurde widerrufen. Ein Techniker muss unter Einstellungen einen neuen eingeben.</translation>
    </message>
    <message>
        <source>This till or this staff member may not do that.</source>
        <translation>Diese Kasse oder dieser Mitarbeiter darf das nicht.</translation>
    </message>
    <message>
        <source>That number range overlaps another card program.</source>
        <translation>Dieser Nummernbereich überschneidet sich mit einem anderen Kartenprogramm.</translation>
    </message>
    <message>
        <source>Some of these card numbers are already issued.</source>
        <translation>Einige dieser Kartennummern sind bereits vergeben.</translation>
    </message>
    <message>
        <source>The backend refused the request as invalid.</source>
        <translation>Der Server hat die Anfrage als ungültig abgelehnt.</translation>
    </message>
    <message>
        <source>This receipt code is not valid: it may be damaged or altered.</source>
        <translation>Dieser Bon-Code ist ungültig: Er ist vielleicht beschädigt oder verändert.</translation>
    </message>
    <message>
        <source>This receipt code is too old to collect points.</source>
        <translation>Dieser Bon-Code ist zu alt, um noch Punkte zu sammeln.</translation>
    </message>
    <message>
        <source>A member with this phone number or email is already registered.</source>
        <translation>Ein Mitglied mit dieser Telefonnummer oder E-Mail ist bereits registriert.</translation>
    </message>
    <message>
        <source>That phone number is not valid.</source>
        <translation>Diese Telefonnummer ist ungültig.</translation>
    </message>
    <message>
        <source>Goods of this receipt were returned: the return settled its points.</source>
        <translation>Waren dieses Bons wurden zurückgegeben: Die Rückgabe hat die Punkte verrechnet.</translation>
    </message>
    <message>
        <source>This transaction was already reversed.</source>
        <translation>Dieser Vorgang wurde bereits storniert.</translation>
    </message>
    <message>
        <source>This transaction cannot be reversed.</source>
        <translation>Dieser Vorgang kann nicht storniert werden.</translation>
    </message>
    <message>
        <source>Only a reversed earning can be corrected.</source>
        <translation>Nur eine stornierte Gutschrift kann korrigiert werden.</translation>
    </message>
    <message>
        <source>This operation was cancelled; it will never be applied.</source>
        <translation>Dieser Vorgang wurde abgebrochen; er wird nie ausgeführt.</translation>
    </message>
    <message>
        <source>The manager&apos;s approval could not be checked. Ask the manager again.</source>
        <translation>Die Genehmigung der Führungskraft konnte nicht geprüft werden. Fragen Sie erneut.</translation>
    </message>
    <message>
        <source>The customer&apos;s code could not be checked. Send a new code.</source>
        <translation>Der Code des Kunden konnte nicht geprüft werden. Senden Sie einen neuen Code.</translation>
    </message>
    <message>
        <source>The member&apos;s points were spent again after the backup.</source>
        <translation type="vanished">Die Punkte des Mitglieds wurden nach der Datensicherung erneut ausgegeben.</translation>
    </message>
    <message>
        <source>Codes for this customer are blocked after too many wrong ones. A manager can override.</source>
        <translation>Codes für diesen Kunden sind nach zu vielen Fehlversuchen gesperrt. Eine Führungskraft kann freigeben.</translation>
    </message>
    <message>
        <source>This order was not found.</source>
        <translation>Diese Bestellung wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>This order is already paid or cancelled.</source>
        <translation>Diese Bestellung ist bereits bezahlt oder storniert.</translation>
    </message>
    <message>
        <source>This order is being served at another till.</source>
        <translation>Diese Bestellung wird an einer anderen Kasse bedient.</translation>
    </message>
    <message>
        <source>This member has several orders waiting already.</source>
        <translation>Dieses Mitglied hat bereits mehrere offene Bestellungen.</translation>
    </message>
    <message>
        <source>This store belongs to another merchant.</source>
        <translation>Diese Filiale gehört einem anderen Händler.</translation>
    </message>
    <message>
        <source>The text message could not be sent. Try again, or ask a manager to override.</source>
        <translation>Die SMS konnte nicht gesendet werden. Versuchen Sie es erneut oder bitten Sie eine Führungskraft um Freigabe.</translation>
    </message>
    <message>
        <source>Too many requests at once. Try again in a moment.</source>
        <translation>Zu viele Anfragen auf einmal. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The loyalty server refused this: it conflicts with what it holds.</source>
        <translation>Der Treue-Server hat das abgelehnt: Es widerspricht seinen Daten.</translation>
    </message>
    <message>
        <source>The loyalty server&apos;s answer could not be read. Try again; if it keeps happening, call a technician.</source>
        <translation>Die Antwort des Treue-Servers war nicht lesbar. Versuchen Sie es erneut; passiert es weiter, rufen Sie einen Techniker.</translation>
    </message>
    <message>
        <source>The loyalty server cannot be reached. Points will be added when it is back.</source>
        <translation>Der Treue-Server ist nicht erreichbar. Die Punkte werden gutgeschrieben, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>The loyalty server did not answer in time. Points will be added when it is back.</source>
        <translation>Der Treue-Server hat nicht rechtzeitig geantwortet. Die Punkte werden gutgeschrieben, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>The loyalty server refused this (error {status}).</source>
        <translation>Der Treue-Server hat das abgelehnt (Fehler {status}).</translation>
    </message>
    <message>
        <source>A member with this phone number is already registered.</source>
        <translation>Ein Mitglied mit dieser Telefonnummer ist bereits registriert.</translation>
    </message>
    <message>
        <source>A member with this email is already registered.</source>
        <translation>Ein Mitglied mit dieser E-Mail ist bereits registriert.</translation>
    </message>
    <message>
        <source>A member with this app id is already registered.</source>
        <translation>Ein Mitglied mit dieser App-ID ist bereits registriert.</translation>
    </message>
    <message>
        <source>That is not a phone number for {country}</source>
        <translation>Das ist keine Telefonnummer aus {country}</translation>
    </message>
    <message>
        <source>{n} attempts left.</source>
        <translation>Noch {n} Versuche.</translation>
    </message>
    <message>
        <source>1 attempt left.</source>
        <translation>Noch 1 Versuch.</translation>
    </message>
    <message>
        <source>Attempts left: {n}.</source>
        <translation type="vanished">Verbleibende Versuche: {n}.</translation>
    </message>
    <message>
        <source>Try again in {seconds} seconds.</source>
        <translation>Versuchen Sie es in {seconds} Sekunden erneut.</translation>
    </message>
</context>
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
        <source>Customer&apos;s phone (SMS outbox)</source>
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
        <source>Stopping the backend…</source>
        <translation>Server wird gestoppt…</translation>
    </message>
    <message>
        <source>Starting the backend…</source>
        <translation>Server wird gestartet…</translation>
    </message>
    <message>
        <source>Start the backend (back online)</source>
        <translation>Server starten (wieder online)</translation>
    </message>
    <message>
        <source>Backend stopped</source>
        <translation>Server gestoppt</translation>
    </message>
    <message>
        <source>The backend could not be switched: {exc}</source>
        <translation>Das Backend konnte nicht umgeschaltet werden: {exc}</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>This is a bank card, not a loyalty card. Ask for the loyalty card, the member QR code or the phone number.</source>
        <translation>Das ist eine Bankkarte, keine Kundenkarte. Fragen Sie nach der Kundenkarte, dem Mitglieds-QR-Code oder der Telefonnummer.</translation>
    </message>
    <message>
        <source>This is a driving licence, not a loyalty card. Hand it back and ask for the loyalty card, the member QR code or the phone number.</source>
        <translation>Das ist ein Führerschein, keine Kundenkarte. Geben Sie ihn zurück und fragen Sie nach der Kundenkarte, dem Mitglieds-QR-Code oder der Telefonnummer.</translation>
    </message>
    <message>
        <source>The card could not be read. Swipe it again in one steady movement; if it keeps failing, type the number printed on the card.</source>
        <translation>Die Karte konnte nicht gelesen werden. Ziehen Sie sie in einer gleichmäßigen Bewegung erneut durch; klappt es weiter nicht, tippen Sie die aufgedruckte Nummer ein.</translation>
    </message>
    <message>
        <source>This is a product barcode, not a member code: scan it on the sales screen.</source>
        <translation>Das ist ein Artikel-Barcode, kein Mitgliedscode: Scannen Sie ihn im Verkaufsbildschirm.</translation>
    </message>
    <message>
        <source>Not a loyalty card, member code or phone number.</source>
        <translation>Keine Kundenkarte, kein Mitgliedscode und keine Telefonnummer.</translation>
    </message>
    <message>
        <source>The read could not be processed; please try again.</source>
        <translation>Die Eingabe konnte nicht verarbeitet werden; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>Nothing was read.</source>
        <translation>Es wurde nichts gelesen.</translation>
    </message>
    <message>
        <source>This member QR code holds no usable member reference; ask the member to refresh it in the app.</source>
        <translation>Dieser Mitglieds-QR-Code enthält keine gültige Mitgliedsnummer; bitten Sie das Mitglied, ihn in der App zu aktualisieren.</translation>
    </message>
    <message>
        <source>This is a receipt: press F12 (Return) to take goods back on it.</source>
        <translation>Das ist ein Bon: Drücken Sie F12 (Rückgabe), um darauf Waren zurückzunehmen.</translation>
    </message>
    <message>
        <source>This GS1 code could not be read as GS1 data; it is no member code.</source>
        <translation>Dieser GS1-Code konnte nicht als GS1-Daten gelesen werden; er ist kein Mitgliedscode.</translation>
    </message>
    <message>
        <source>The read was incomplete; please try again.</source>
        <translation>Die Eingabe war unvollständig; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>The read is too long to be a card or code.</source>
        <translation>Die Eingabe ist zu lang für eine Karte oder einen Code.</translation>
    </message>
    <message>
        <source>This is a GS1 code, not a member code.</source>
        <translation>Das ist ein GS1-Code, kein Mitgliedscode.</translation>
    </message>
    <message>
        <source>This card cannot be used here.</source>
        <translation>Diese Karte kann hier nicht verwendet werden.</translation>
    </message>
    <message>
        <source>This code is not a loyalty card of this program.</source>
        <translation>Dieser Code ist keine Kundenkarte dieses Programms.</translation>
    </message>
    <message>
        <source>The card number is too short.</source>
        <translation>Die Kartennummer ist zu kurz.</translation>
    </message>
    <message>
        <source>The card number is outside this program&apos;s ranges.</source>
        <translation>Die Kartennummer liegt außerhalb der Nummernbereiche dieses Programms.</translation>
    </message>
    <message>
        <source>The card number&apos;s check digit is wrong: it was misread, or is not ours.</source>
        <translation>Die Prüfziffer der Kartennummer ist falsch: falsch gelesen oder keine unsere.</translation>
    </message>
    <message>
        <source>The card&apos;s tracks hold different numbers.</source>
        <translation>Die Spuren der Karte enthalten verschiedene Nummern.</translation>
    </message>
    <message>
        <source>The card number is on the wrong track of the stripe.</source>
        <translation>Die Kartennummer steht auf der falschen Spur des Magnetstreifens.</translation>
    </message>
    <message>
        <source>It is a bank card.</source>
        <translation>Es ist eine Bankkarte.</translation>
    </message>
    <message>
        <source>It is a driving licence.</source>
        <translation>Es ist ein Führerschein.</translation>
    </message>
    <message>
        <source>reader connected</source>
        <translation>Lesegerät verbunden</translation>
    </message>
    <message>
        <source>reader not plugged in; waiting for it</source>
        <translation>Lesegerät nicht angeschlossen; warte darauf</translation>
    </message>
    <message>
        <source>reader unplugged; waiting for it to come back</source>
        <translation>Lesegerät getrennt; warte, bis es wieder da ist</translation>
    </message>
    <message>
        <source>camera ready</source>
        <translation>Kamera bereit</translation>
    </message>
    <message>
        <source>playing video file</source>
        <translation>Videodatei wird abgespielt</translation>
    </message>
    <message>
        <source>end of video file</source>
        <translation>Ende der Videodatei</translation>
    </message>
    <message>
        <source>camera stopped delivering pictures (unplugged?)</source>
        <translation>Kamera liefert keine Bilder mehr (getrennt?)</translation>
    </message>
    <message>
        <source>camera stopped delivering pictures (unplugged?); waiting for it</source>
        <translation>Kamera liefert keine Bilder mehr (getrennt?); warte darauf</translation>
    </message>
    <message>
        <source>camera capture failed (see the log for details)</source>
        <translation>Kameraaufnahme fehlgeschlagen (Details im Protokoll)</translation>
    </message>
    <message>
        <source>camera back</source>
        <translation>Kamera wieder da</translation>
    </message>
    <message>
        <source>could not be started (see the log for details)</source>
        <translation>konnte nicht gestartet werden (Details im Protokoll)</translation>
    </message>
    <message>
        <source>no permission to open the reader: a technician must fix the user&apos;s groups</source>
        <translation>keine Berechtigung zum Öffnen des Lesegeräts: Ein Techniker muss die Benutzergruppen korrigieren</translation>
    </message>
    <message>
        <source>the reader is in use by another program (another till?)</source>
        <translation>Das Lesegerät wird von einem anderen Programm benutzt (andere Kasse?)</translation>
    </message>
    <message>
        <source>the reader cannot be opened</source>
        <translation>Das Lesegerät kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>This read cannot be used here; please try again.</source>
        <translation>Diese Eingabe kann hier nicht verwendet werden; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>the reader reported a problem (the technician&apos;s Diagnostics tab shows it)</source>
        <translation>Das Lesegerät meldet ein Problem (siehe Reiter Diagnose im Technikerfenster)</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>PASS</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>WARN</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>SKIP</source>
        <translation>ÜBERSPR.</translation>
    </message>
    <message>
        <source>{failed} check(s) failed.</source>
        <translation>{failed} Prüfung(en) fehlgeschlagen.</translation>
    </message>
    <message>
        <source>{failed} check(s) failed: fix the first one first; the checks after it may depend on it.</source>
        <translation>{failed} Prüfung(en) fehlgeschlagen: Beheben Sie zuerst die erste; die folgenden können davon abhängen.</translation>
    </message>
    <message>
        <source>No check failed; {warned} warning(s) to read.</source>
        <translation>Keine Prüfung fehlgeschlagen; {warned} Warnung(en) lesen.</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>Alle Prüfungen bestanden.</translation>
    </message>
    <message>
        <source>Till diagnostics at {at}</source>
        <translation>Kassendiagnose um {at}</translation>
    </message>
    <message>
        <source>next: {step}</source>
        <translation>weiter: {step}</translation>
    </message>
    <message>
        <source>Readers, scanners and cameras</source>
        <translation>Lesegeräte, Scanner und Kameras</translation>
    </message>
    <message>
        <source>Device discovery is not available on this system.</source>
        <translation>Die Geräteerkennung ist auf diesem System nicht verfügbar.</translation>
    </message>
    <message>
        <source>The device list could not be read ({detail}).</source>
        <translation>Die Geräteliste konnte nicht gelesen werden ({detail}).</translation>
    </message>
    <message>
        <source>Reader {wanted}</source>
        <translation>Lesegerät {wanted}</translation>
    </message>
    <message>
        <source>The configured device {wanted} is not present: unplugged, or another one.</source>
        <translation>Das eingestellte Gerät {wanted} ist nicht vorhanden: getrennt oder ein anderes.</translation>
    </message>
    <message>
        <source>Plug the reader in (try another USB port and cable); check the configured path against the list below (till-cardtest doctor --json lists them).</source>
        <translation>Schließen Sie das Lesegerät an (anderen USB-Anschluss und Kabel probieren); vergleichen Sie den eingestellten Pfad mit der Liste unten (till-cardtest doctor --json listet sie).</translation>
    </message>
    <message>
        <source>{device} is present and opens ({node}).</source>
        <translation>{device} ist vorhanden und lässt sich öffnen ({node}).</translation>
    </message>
    <message>
        <source>{device} is present but cannot be opened: {message}</source>
        <translation>{device} ist vorhanden, lässt sich aber nicht öffnen: {message}</translation>
    </message>
    <message>
        <source>Found {inputs} keyboard-like input device(s), {serials} serial port(s), {cameras} camera(s).</source>
        <translation>Gefunden: {inputs} tastaturähnliche(s) Eingabegerät(e), {serials} serielle(r) Anschluss/Anschlüsse, {cameras} Kamera(s).</translation>
    </message>
    <message>
        <source>No card reader, scanner or camera was found on this till, so no card can be swiped or scanned here; only typed phone numbers will work.</source>
        <translation>An dieser Kasse wurde kein Kartenleser, Scanner oder Kamera gefunden; hier kann keine Karte gelesen werden, nur eingetippte Telefonnummern funktionieren.</translation>
    </message>
    <message>
        <source>Plug the reader in (try another USB port and cable). If it is plugged in, the till&apos;s user may lack the &apos;input&apos; or &apos;dialout&apos; group (see the README, Hardware setup).</source>
        <translation>Schließen Sie das Lesegerät an (anderen USB-Anschluss und Kabel probieren). Ist es angeschlossen, fehlt dem Benutzer der Kasse vielleicht die Gruppe &apos;input&apos; oder &apos;dialout&apos; (siehe README, Hardware-Einrichtung).</translation>
    </message>
    <message>
        <source>{summary} The till cannot open {count} of them: {names}</source>
        <translation>{summary} Die Kasse kann {count} davon nicht öffnen: {names}</translation>
    </message>
    <message>
        <source>Add the till&apos;s user to the &apos;{group}&apos; group (sudo usermod -aG {group} $USER, then log in again), or install the udev rule: sudo cp packaging/udev/70-loyalty-till.rules /etc/udev/rules.d/ &amp;&amp; sudo udevadm control --reload &amp;&amp; sudo udevadm trigger.</source>
        <translation>Fügen Sie den Benutzer der Kasse der Gruppe &apos;{group}&apos; hinzu (sudo usermod -aG {group} $USER, dann neu anmelden) oder installieren Sie die udev-Regel: sudo cp packaging/udev/70-loyalty-till.rules /etc/udev/rules.d/ &amp;&amp; sudo udevadm control --reload &amp;&amp; sudo udevadm trigger.</translation>
    </message>
    <message>
        <source>Close the other program using it (another till, a serial terminal), then retry.</source>
        <translation>Schließen Sie das andere Programm, das es benutzt (andere Kasse, serielles Terminal), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Unplug and replug the device; if it persists, try another port or cable.</source>
        <translation>Trennen Sie das Gerät und schließen Sie es wieder an; bleibt es so, probieren Sie einen anderen Anschluss oder ein anderes Kabel.</translation>
    </message>
    <message>
        <source>Loyalty backend up</source>
        <translation>Treue-Server läuft</translation>
    </message>
    <message>
        <source>Skipped: the till is not online.</source>
        <translation>Übersprungen: Die Kasse ist nicht online.</translation>
    </message>
    <message>
        <source>API key enabled</source>
        <translation>API-Schlüssel aktiv</translation>
    </message>
    <message>
        <source>Skipped: the loyalty backend is not reachable.</source>
        <translation>Übersprungen: Der Treue-Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Till online</source>
        <translation>Kasse online</translation>
    </message>
    <message>
        <source>No loyalty backend address is configured.</source>
        <translation>Es ist keine Adresse des Treue-Servers eingestellt.</translation>
    </message>
    <message>
        <source>Set backend.url in the till&apos;s configuration (till.toml), or pass --backend URL.</source>
        <translation>Setzen Sie backend.url in der Kassenkonfiguration (till.toml) oder geben Sie --backend URL an.</translation>
    </message>
    <message>
        <source>The backend&apos;s name {host} cannot be looked up: the till is offline or has no working DNS.</source>
        <translation>Der Servername {host} lässt sich nicht auflösen: Die Kasse ist offline oder hat kein funktionierendes DNS.</translation>
    </message>
    <message>
        <source>Check the network cable or Wi-Fi and the till&apos;s DNS settings; then run the doctor again.</source>
        <translation>Prüfen Sie Netzwerkkabel oder WLAN und die DNS-Einstellungen der Kasse; führen Sie dann die Diagnose erneut aus.</translation>
    </message>
    <message>
        <source>The backend runs on this machine ({host}).</source>
        <translation>Der Server läuft auf diesem Rechner ({host}).</translation>
    </message>
    <message>
        <source>The till has a network route to {host} ({address}).</source>
        <translation>Die Kasse hat eine Netzwerkroute zu {host} ({address}).</translation>
    </message>
    <message>
        <source>The till has no network route to {host} ({problems}): it is offline.</source>
        <translation>Die Kasse hat keine Netzwerkroute zu {host} ({problems}): Sie ist offline.</translation>
    </message>
    <message>
        <source>Check the network cable or Wi-Fi, and the till&apos;s IP address and gateway settings.</source>
        <translation>Prüfen Sie Netzwerkkabel oder WLAN sowie IP-Adresse und Gateway der Kasse.</translation>
    </message>
    <message>
        <source>No backend client.</source>
        <translation>Kein Server-Client.</translation>
    </message>
    <message>
        <source>answers /v1/health with something that is not the backend&apos;s health report (another service or a proxy on that address?)</source>
        <translation>antwortet auf /v1/health mit etwas, das kein Statusbericht des Servers ist (ein anderer Dienst oder Proxy unter dieser Adresse?)</translation>
    </message>
    <message>
        <source>does not answer on /v1/health (connection refused, timed out or server error)</source>
        <translation>antwortet nicht auf /v1/health (Verbindung abgelehnt, Zeitüberschreitung oder Serverfehler)</translation>
    </message>
    <message>
        <source>answers /v1/health with an error ({exc})</source>
        <translation>antwortet auf /v1/health mit einem Fehler ({exc})</translation>
    </message>
    <message>
        <source>The loyalty backend at {backend_url} {why}.</source>
        <translation>Der Treue-Server unter {backend_url} {why}.</translation>
    </message>
    <message>
        <source>Check the backend service is running (till-server serve, or the provider&apos;s status page), that a firewall doesn&apos;t block the port, and that backend.url is right.</source>
        <translation>Prüfen Sie, ob der Serverdienst läuft (till-server serve oder die Statusseite des Anbieters), keine Firewall den Port sperrt und backend.url stimmt.</translation>
    </message>
    <message>
        <source>The loyalty backend answers but reports status {status!r}.</source>
        <translation>Der Treue-Server antwortet, meldet aber den Status {status!r}.</translation>
    </message>
    <message>
        <source>The backend is not healthy: check its log and database, or contact the provider.</source>
        <translation>Der Server ist nicht in Ordnung: Prüfen Sie sein Protokoll und seine Datenbank oder wenden Sie sich an den Anbieter.</translation>
    </message>
    <message>
        <source>, version {version}</source>
        <translation>, Version {version}</translation>
    </message>
    <message>
        <source>The loyalty backend at {backend_url} is healthy{suffix}.</source>
        <translation>Der Treue-Server unter {backend_url} ist in Ordnung{suffix}.</translation>
    </message>
    <message>
        <source>Check in the loyalty backend that this till&apos;s API key is enabled; if it was revoked, create a new one (till-server create-key --store S --till T) and store it on the till with &apos;till --set-api-key&apos;.</source>
        <translation>Prüfen Sie im Treue-Server, ob der API-Schlüssel dieser Kasse aktiv ist; wurde er widerrufen, erstellen Sie einen neuen (till-server create-key --store S --till T) und speichern Sie ihn mit &apos;till --set-api-key&apos; auf der Kasse.</translation>
    </message>
    <message>
        <source>The till has no API key: {problem}</source>
        <translation>Die Kasse hat keinen API-Schlüssel: {problem}</translation>
    </message>
    <message>
        <source>Store the key with &apos;till --set-api-key&apos; (OS keyring) or a systemd credential.</source>
        <translation>Speichern Sie den Schlüssel mit &apos;till --set-api-key&apos; (Schlüsselbund des Systems) oder als systemd-Credential.</translation>
    </message>
    <message>
        <source>The API key is revoked or wrong: {exc}</source>
        <translation>Der API-Schlüssel ist widerrufen oder falsch: {exc}</translation>
    </message>
    <message>
        <source>The session check failed: {exc}</source>
        <translation>Die Sitzungsprüfung ist fehlgeschlagen: {exc}</translation>
    </message>
    <message>
        <source>store {store}</source>
        <translation>Filiale {store}</translation>
    </message>
    <message>
        <source>till {till}</source>
        <translation>Kasse {till}</translation>
    </message>
    <message>
        <source>The API key is accepted{scope}.</source>
        <translation>Der API-Schlüssel wird akzeptiert{scope}.</translation>
    </message>
    <message>
        <source>Card number rules</source>
        <translation>Regeln für Kartennummern</translation>
    </message>
    <message>
        <source>No card number was given.</source>
        <translation>Es wurde keine Kartennummer angegeben.</translation>
    </message>
    <message>
        <source>Compare with the number printed on the card; if they match, the card does not follow this program&apos;s rules (devices.card_ranges, require_luhn).</source>
        <translation>Vergleichen Sie mit der aufgedruckten Nummer; stimmen sie überein, folgt die Karte nicht den Regeln dieses Programms (devices.card_ranges, require_luhn).</translation>
    </message>
    <message>
        <source>Card number {shown} follows the program&apos;s rules.</source>
        <translation>Die Kartennummer {shown} folgt den Regeln des Programms.</translation>
    </message>
    <message>
        <source>no card number</source>
        <translation>keine Kartennummer</translation>
    </message>
    <message>
        <source>the backend or the API key check failed</source>
        <translation>die Server- oder API-Schlüssel-Prüfung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Card known to the backend</source>
        <translation>Karte dem Server bekannt</translation>
    </message>
    <message>
        <source>Skipped: {why}.</source>
        <translation>Übersprungen: {why}.</translation>
    </message>
    <message>
        <source>Customer active</source>
        <translation>Kunde aktiv</translation>
    </message>
    <message>
        <source>Skipped: no customer was found for this card.</source>
        <translation>Übersprungen: Zu dieser Karte wurde kein Kunde gefunden.</translation>
    </message>
    <message>
        <source>Card {shown} belongs to customer {customer}.</source>
        <translation>Karte {shown} gehört zu Kunde {customer}.</translation>
    </message>
    <message>
        <source>Customer {id} is active (balance {balance} points).</source>
        <translation>Kunde {id} ist aktiv (Punktestand {balance}).</translation>
    </message>
    <message>
        <source>Customer {id}</source>
        <translation>Kunde {id}</translation>
    </message>
    <message>
        <source>The card&apos;s customer</source>
        <translation>Der Kunde der Karte</translation>
    </message>
    <message>
        <source>{who} is {status}: an inactive account cannot earn or redeem points.</source>
        <translation>{who} ist {status}: Ein inaktives Konto kann keine Punkte sammeln oder einlösen.</translation>
    </message>
    <message>
        <source>Reactivate the customer in the loyalty backend (seed 001: check that the customer is active), or issue the customer a new card.</source>
        <translation>Aktivieren Sie den Kunden im Treue-Server wieder (Seed 001: prüfen, ob der Kunde aktiv ist) oder geben Sie dem Kunden eine neue Karte.</translation>
    </message>
    <message>
        <source>Card {shown} is registered but not attached to a customer yet.</source>
        <translation>Karte {shown} ist registriert, aber noch keinem Kunden zugeordnet.</translation>
    </message>
    <message>
        <source>Attach it to the customer&apos;s account (enrol the customer at the till with this card).</source>
        <translation>Ordnen Sie sie dem Kundenkonto zu (Kunde an der Kasse mit dieser Karte anmelden).</translation>
    </message>
    <message>
        <source>No loyalty account has card {shown}.</source>
        <translation>Kein Treuekonto hat die Karte {shown}.</translation>
    </message>
    <message>
        <source>Compare the number with the one printed on the card (a misread track?); check the card was registered (till-cardtest batch) and attached to a customer.</source>
        <translation>Vergleichen Sie die Nummer mit der aufgedruckten (Spur falsch gelesen?); prüfen Sie, ob die Karte registriert (till-cardtest batch) und einem Kunden zugeordnet wurde.</translation>
    </message>
    <message>
        <source>The card lookup failed: {exc}</source>
        <translation>Die Kartensuche ist fehlgeschlagen: {exc}</translation>
    </message>
    <message>
        <source>Offline journal</source>
        <translation>Offline-Journal</translation>
    </message>
    <message>
        <source>The till has no journal yet on this machine.</source>
        <translation>Die Kasse hat auf diesem Rechner noch kein Journal.</translation>
    </message>
    <message>
        <source>Journal problem: {detail}.</source>
        <translation>Journalproblem: {detail}.</translation>
    </message>
    <message>
        <source>The journal cannot be read ({name}: {exc}).</source>
        <translation>Das Journal kann nicht gelesen werden ({name}: {exc}).</translation>
    </message>
    <message>
        <source>Stop the till, keep a copy of the journal file, and contact support.</source>
        <translation>Beenden Sie die Kasse, bewahren Sie eine Kopie der Journaldatei auf und wenden Sie sich an den Support.</translation>
    </message>
    <message>
        <source>{pending} operation(s) waiting to be sent</source>
        <translation>{pending} Vorgang/Vorgänge warten auf das Senden</translation>
    </message>
    <message>
        <source>, the oldest for {duration}</source>
        <translation>, der älteste seit {duration}</translation>
    </message>
    <message>
        <source>{review} operation(s) need a manager&apos;s review; {pending}.</source>
        <translation>{review} Vorgang/Vorgänge muss eine Führungskraft prüfen; {pending}.</translation>
    </message>
    <message>
        <source>A manager opens the till&apos;s review list and retries or cancels each operation.</source>
        <translation>Eine Führungskraft öffnet die Prüfliste der Kasse und wiederholt oder storniert jeden Vorgang.</translation>
    </message>
    <message>
        <source>{pending}, although the backend answers: sending is stuck.</source>
        <translation>{pending}, obwohl der Server antwortet: Das Senden hängt.</translation>
    </message>
    <message>
        <source>Look at the till&apos;s sync status and log; restarting the till retries at once.</source>
        <translation>Prüfen Sie Sync-Status und Protokoll der Kasse; ein Neustart der Kasse versucht es sofort erneut.</translation>
    </message>
    <message>
        <source>{pending}; they are sent when the backend is reachable again.</source>
        <translation>{pending}; sie werden gesendet, sobald der Server wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>{pending}; nothing needs review.</source>
        <translation>{pending}; nichts muss geprüft werden.</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} Min.</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} Tagen</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Bondrucker</translation>
    </message>
    <message>
        <source>No receipt printer is configured: Ctrl+P saves receipts as PDF files.</source>
        <translation>Kein Bondrucker eingestellt: Strg+P speichert Bons als PDF-Dateien.</translation>
    </message>
    <message>
        <source>Set [printer] kind, and its port, host or device, in the till&apos;s configuration.</source>
        <translation>Setzen Sie [printer] kind sowie Port, Host oder Gerät in der Kassenkonfiguration.</translation>
    </message>
    <message>
        <source>Check the cable and power of the {where}, and the [printer] settings.</source>
        <translation>Prüfen Sie Kabel und Stromversorgung: {where}, und die Einstellungen unter [printer].</translation>
    </message>
    <message>
        <source>Fix the {where}, then test again.</source>
        <translation>Beheben Sie das Problem ({where}) und testen Sie erneut.</translation>
    </message>
    <message>
        <source>The {where} is online; its paper roll is nearly at its end.</source>
        <translation>{where}: online; die Papierrolle ist fast leer.</translation>
    </message>
    <message>
        <source>Put a new roll in soon.</source>
        <translation>Legen Sie bald eine neue Rolle ein.</translation>
    </message>
    <message>
        <source>The {where} opens; it does not report its state over this connection.</source>
        <translation>{where}: lässt sich öffnen; meldet über diese Verbindung keinen Zustand.</translation>
    </message>
    <message>
        <source>The {where} is online and has paper.</source>
        <translation>{where}: online und hat Papier.</translation>
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
    <name>Journal</name>
    <message>
        <source>the operation journal {where} is missing (this till had committed operations up to #{expected} in it)</source>
        <translation>das Vorgangsjournal {where} fehlt (diese Kasse hatte darin Vorgänge bis #{expected} gespeichert)</translation>
    </message>
    <message>
        <source>the operation journal {where} is empty (0 bytes; this till had committed operations up to #{expected} in it)</source>
        <translation>das Vorgangsjournal {where} ist leer (0 Byte; diese Kasse hatte darin Vorgänge bis #{expected} gespeichert)</translation>
    </message>
    <message>
        <source>the operation journal {where} is not the one this till was writing (journal id {found} instead of {expected}): it was replaced, {lost}</source>
        <translation>das Vorgangsjournal {where} ist nicht das, in das diese Kasse geschrieben hat (Journal-ID {found} statt {expected}): es wurde ersetzt, {lost}</translation>
    </message>
    <message>
        <source>the operation journal {where} ends at operation #{found}, but this till had committed up to #{expected}: operations are missing ({lost})</source>
        <translation>das Vorgangsjournal {where} endet bei Vorgang #{found}, diese Kasse hatte aber bis #{expected} gespeichert: Vorgänge fehlen ({lost})</translation>
    </message>
    <message>
        <source>the operation journal {where} is missing this till&apos;s latest writes (it ends at operation #{found}, but the generation this till recorded last is not in it): {lost}</source>
        <translation>im Vorgangsjournal {where} fehlen die letzten Einträge dieser Kasse (es endet bei Vorgang #{found}, aber die zuletzt vermerkte Generation ist nicht darin): {lost}</translation>
    </message>
    <message>
        <source>the operation journal {where} cannot be read ({error})</source>
        <translation>das Vorgangsjournal {where} kann nicht gelesen werden ({error})</translation>
    </message>
    <message>
        <source>the till&apos;s record of its journal ({record}) cannot be read ({error})</source>
        <translation>der Vermerk der Kasse zu ihrem Journal ({record}) kann nicht gelesen werden ({error})</translation>
    </message>
    <message>
        <source>restored from an older copy, or its write-ahead log (-wal) was lost after a crash</source>
        <translation>aus einer älteren Kopie wiederhergestellt, oder seine WAL-Datei (-wal) ging nach einem Absturz verloren</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Journal problem: {detail}. Sales cannot be completed: call a technician.</source>
        <translation>Journalproblem: {detail}. Verkäufe können nicht abgeschlossen werden: Techniker rufen.</translation>
    </message>
    <message>
        <source>Stop the till and keep every file as it is. Put back the right journal if a copy exists (with its -wal file). If its operations are lost for good, &apos;{command}&apos; starts a new journal and keeps the old files aside.</source>
        <translation>Beenden Sie die Kasse und lassen Sie alle Dateien unverändert. Legen Sie das richtige Journal zurück, falls eine Kopie existiert (mit seiner -wal-Datei). Sind seine Vorgänge endgültig verloren, startet &apos;{command}&apos; ein neues Journal und legt die alten Dateien beiseite.</translation>
    </message>
    <message>
        <source>Sale not recorded, call a manager ({detail}).</source>
        <translation>Verkauf nicht gespeichert, Filialleitung rufen ({detail}).</translation>
    </message>
    <message>
        <source>Another till is already running on the journal {where}{who}. Only one till may use a journal: close the other one first.</source>
        <translation>Auf dem Journal {where} läuft bereits eine andere Kasse{who}. Ein Journal darf nur eine Kasse nutzen: schließen Sie zuerst die andere.</translation>
    </message>
    <message>
        <source>This operation is already in the journal with different details: it was not recorded again. Call a manager ({detail}).</source>
        <translation>Dieser Vorgang steht schon mit anderen Angaben im Journal: er wurde nicht noch einmal gespeichert. Filialleitung rufen ({detail}).</translation>
    </message>
    <message>
        <source>This operation is not in the till&apos;s journal ({detail}).</source>
        <translation>Dieser Vorgang steht nicht im Journal der Kasse ({detail}).</translation>
    </message>
    <message>
        <source>This operation was dealt with meanwhile (e.g. sent by the automatic sync) ({detail}).</source>
        <translation>Dieser Vorgang wurde inzwischen erledigt (z. B. vom automatischen Abgleich gesendet) ({detail}).</translation>
    </message>
    <message>
        <source>The journal was written by a newer version of the till: update the till software ({detail}).</source>
        <translation>Das Journal wurde von einer neueren Kassenversion geschrieben: aktualisieren Sie die Kassensoftware ({detail}).</translation>
    </message>
    <message>
        <source>The till&apos;s journal cannot be used: call a technician ({detail}).</source>
        <translation>Das Journal der Kasse ist nicht nutzbar: Techniker rufen ({detail}).</translation>
    </message>
    <message>
        <source> (process {pid})</source>
        <translation> (Prozess {pid})</translation>
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
        <source>Swipe or scan a loyalty card, or type the member&apos;s phone (F2).</source>
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
        <extracomment>What F9 takes for the amount still due when nothing else pays it (``complete``).</extracomment>
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
        <source>New sale. Swipe or scan a loyalty card, or type the member&apos;s phone (F2).</source>
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
        <translation type="vanished">Neue Mitglieder können angelegt werden, sobald der Bonusserver wieder erreichbar ist.</translation>
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
        <source>The store&apos;s loyalty settings are not loaded yet; try again.</source>
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
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
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
        <source>Send a new code</source>
        <translation>Neuen Code senden</translation>
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
        <source>The customer&apos;s phone is not available: a manager can approve this redemption. It is recorded with the manager&apos;s name and the reason.</source>
        <translation>Das Handy des Kunden ist nicht verfügbar: die Filialleitung kann diese Einlösung freigeben. Sie wird mit Name und Grund gespeichert.</translation>
    </message>
    <message>
        <source>e.g. customer&apos;s phone is broken</source>
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
        <source>A code will be sent to the customer&apos;s phone (needed from {value}).</source>
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
        <source>Enter the manager&apos;s name, PIN and a reason.</source>
        <translation>Name und PIN der Leitung und einen Grund eingeben.</translation>
    </message>
    <message>
        <source>Redeeming…</source>
        <translation>Wird eingelöst…</translation>
    </message>
    <message>
        <source>The loyalty server did not answer, so the points payment is not confirmed.</source>
        <translation>Der Treue-Server hat nicht geantwortet, daher ist die Punktezahlung nicht bestätigt.</translation>
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
        <source>Too many wrong codes: this code is locked. A manager can override (Ctrl+O), or send a new code once it has expired.</source>
        <translation>Zu viele falsche Codes: Dieser Code ist gesperrt. Eine Führungskraft kann freigeben (Strg+O), oder senden Sie nach Ablauf einen neuen Code.</translation>
    </message>
    <message>
        <source>Register a new member</source>
        <translation>Neues Mitglied anlegen</translation>
    </message>
    <message>
        <source>No member has this card or phone. Register the customer:</source>
        <extracomment>Set when the dialog is accepted: registered (``customer`` set) or saved.</extracomment>
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
        <source>none</source>
        <translation>keine</translation>
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
        <source>Enter the manager&apos;s name and PIN.</source>
        <translation>Name und PIN der Leitung eingeben.</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s PIN.</source>
        <translation>PIN der Leitung eingeben.</translation>
    </message>
</context>
<context>
    <name>Manager</name>
    <message>
        <source>Needs a manager&apos;s PIN again: the backend lost it in a restore.</source>
        <extracomment>What the review list says for it (``offline_queue.sync_replies.APPROVAL_LOST``&apos;s words).</extracomment>
        <translation>Braucht erneut die PIN eines Managers: der Server hat sie bei einer Wiederherstellung verloren.</translation>
    </message>
    <message>
        <source>&amp;Approve with PIN…</source>
        <translation>Mit PIN &amp;freigeben…</translation>
    </message>
    <message>
        <source>Approved again: it will be sent again now.</source>
        <translation>Erneut freigegeben: wird jetzt erneut gesendet.</translation>
    </message>
    <message>
        <source>The member&apos;s points were spent again after the backup.</source>
        <extracomment>The journal&apos;s own review codes (``offline_queue.sync_replies._OWN_MESSAGES``), worded here: they are not the backend&apos;s, so :mod:`till.backend_words` does not know them.</extracomment>
        <translation>Die Punkte des Mitglieds wurden nach der Datensicherung erneut ausgegeben.</translation>
    </message>
    <message>
        <source>Approve again</source>
        <translation>Erneut freigeben</translation>
    </message>
    <message>
        <source>{what} needs a manager&apos;s PIN again: the backend lost it in a restore. Approving sends it again, once.</source>
        <translation>{what} braucht erneut die PIN eines Managers: der Server hat sie bei einer Wiederherstellung verloren. Die Freigabe sendet den Vorgang noch einmal, genau einmal.</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>Manager:</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Approve and send (Enter)</source>
        <translation>Freigeben und senden (Enter)</translation>
    </message>
    <message>
        <source>Not now (Esc)</source>
        <translation>Nicht jetzt (Esc)</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s PIN (4-8 digits).</source>
        <translation>Die PIN des Managers eingeben (4–8 Ziffern).</translation>
    </message>
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
        <source>Campaigns running or planned, and the points each gave on this till&apos;s sales since the start of the store&apos;s day.</source>
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
        <source>Not available.</source>
        <translation>Nicht verfügbar.</translation>
    </message>
    <message>
        <source>The loyalty server can&apos;t be reached: the campaigns as this till last downloaded them ({value}).</source>
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
        <source>Why, e.g. &apos;points given to the wrong phone number&apos;</source>
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
        <source>Enter the manager&apos;s name and PIN.</source>
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
        <source>From this till&apos;s sal&amp;es</source>
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
        <source>(this till&apos;s sales are not available: type the receipt)</source>
        <translation>(Verkäufe dieser Kasse nicht verfügbar: Bon eingeben)</translation>
    </message>
    <message>
        <source>(type the receipt below)</source>
        <translation>(Bon unten eingeben)</translation>
    </message>
    <message>
        <source>(this till&apos;s sales could not be read: type the receipt)</source>
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
        <source>When the first box is ticked, redeeming points worth at least the minimum value needs the code sent to the customer&apos;s phone. A minimum of 0.00 means always.</source>
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
        <source>Loading the store&apos;s policy…</source>
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
        <source>Now: every redemption needs the customer&apos;s code.</source>
        <translation>Jetzt: jede Einlösung braucht den Code des Kunden.</translation>
    </message>
    <message>
        <source>Now: redemptions worth {amount} or more need the customer&apos;s code.</source>
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
        <source>No reason was recorded.</source>
        <translation>Es wurde kein Grund festgehalten.</translation>
    </message>
    <message>
        <source>Operations the loyalty server refused. Retry after fixing the cause; Cancel gives the operation up (it stays in the till&apos;s journal as cancelled).</source>
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
        <source>This till can&apos;t cancel a redemption on the backend here.</source>
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
    <message>
        <source>Earn</source>
        <translation>Punkte sammeln</translation>
    </message>
    <message>
        <source>Redemption</source>
        <translation>Einlösung</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Rückbuchung</translation>
    </message>
    <message>
        <source>Missed points</source>
        <translation>Vergessene Punkte</translation>
    </message>
    <message>
        <source>Points claimed with a receipt code</source>
        <translation>Punkte per Bon-Code nachgetragen</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>Table order paid</source>
        <translation>Tischbestellung bezahlt</translation>
    </message>
    <message>
        <source>Table order cancelled</source>
        <translation>Tischbestellung storniert</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Neues Mitglied</translation>
    </message>
    <message>
        <source>Other operation</source>
        <translation>Andere Buchung</translation>
    </message>
    <message>
        <source>order {order}</source>
        <translation>Bestellung {order}</translation>
    </message>
    <message>
        <source>phone {phone}</source>
        <translation>Telefon {phone}</translation>
    </message>
    <message>
        <source>customer {customer}</source>
        <translation>Kunde {customer}</translation>
    </message>
    <message>
        <source>account {account}</source>
        <translation>Konto {account}</translation>
    </message>
    <message>
        <source>{amount} (receipt {receipt})</source>
        <translation>{amount} (Bon {receipt})</translation>
    </message>
    <message>
        <source>all of receipt {receipt}</source>
        <translation>ganzer Bon {receipt}</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} Punkte</translation>
    </message>
    <message>
        <source>transaction {transaction}</source>
        <translation>Buchung {transaction}</translation>
    </message>
    <message>
        <source>receipt {receipt}</source>
        <translation>Bon {receipt}</translation>
    </message>
    <message>
        <source>This redemption can&apos;t be sent again: its sale no longer waits for it (it was paid another way, voided, or is being cancelled). Cancel it on the backend instead.</source>
        <translation>Diese Punkteeinlösung kann nicht erneut gesendet werden: ihr Verkauf wartet nicht mehr darauf (er wurde anders bezahlt, storniert oder wird gerade abgebrochen). Stornieren Sie sie stattdessen auf dem Bonusserver.</translation>
    </message>
    <message>
        <source>The loyalty server cannot be reached.</source>
        <translation>Der Bonusserver ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>This operation was dealt with meanwhile (e.g. sent by the automatic sync).</source>
        <translation>Dieser Vorgang wurde inzwischen erledigt (z. B. von der automatischen Synchronisierung gesendet).</translation>
    </message>
    <message>
        <source>The till&apos;s journal could not record this: {why} Call a technician.</source>
        <translation>Das Journal der Kasse konnte das nicht speichern: {why} Rufen Sie einen Techniker.</translation>
    </message>
    <message>
        <source>Something went wrong; the details are in the till&apos;s log.</source>
        <translation>Etwas ist schiefgegangen; die Einzelheiten stehen im Protokoll der Kasse.</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>That is not a phone number for {country}</source>
        <translation>Das ist keine Telefonnummer für {country}</translation>
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
        <source>This receipt&apos;s code is not valid: it was not printed by our tills.</source>
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
        <source>This is a receipt&apos;s points code: identify the member first (card, code or phone), then scan it again.</source>
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
        <translation type="vanished">{path}: kein gültiges TOML ({exc}); zuerst korrigieren oder entfernen</translation>
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
        <source>The printer&apos;s {value} must be a number.</source>
        <translation>Beim Drucker muss „{value}“ eine Zahl sein.</translation>
    </message>
    <message>
        <source>Printer saved to {path}: used from the till&apos;s next start.</source>
        <translation>Drucker in {path} gespeichert: gilt ab dem nächsten Start der Kasse.</translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>Nicht gespeichert: {problem}</translation>
    </message>
    <message>
        <source>Printing a test receipt on the {value}…</source>
        <translation>Testbon wird gedruckt auf: {value}…</translation>
    </message>
    <message>
        <source>Not printed: {problem}</source>
        <translation>Nicht gedruckt: {problem}</translation>
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
        <translation type="vanished">(Punkte ausstehend: Gutschrift folgt,</translation>
    </message>
    <message>
        <source> when the loyalty server is back)</source>
        <translation type="vanished"> sobald der Bonusserver erreichbar ist)</translation>
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
    <name>Registration</name>
    <message>
        <source>Saved: the member will be registered when the till is back online.</source>
        <translation>Gespeichert: Das Mitglied wird registriert, sobald die Kasse wieder online ist.</translation>
    </message>
    <message>
        <source>Saved, not registered yet: the loyalty server refused the till&apos;s API key. Call a technician; the member is registered once the key is fixed.</source>
        <translation>Gespeichert, noch nicht registriert: Der Bonusserver hat den API-Schlüssel der Kasse abgelehnt. Rufen Sie einen Techniker; das Mitglied wird registriert, sobald der Schlüssel repariert ist.</translation>
    </message>
    <message>
        <source>Not registered: the till could not save the registration. Try again; if it keeps happening, call a manager.</source>
        <translation>Nicht registriert: Die Kasse konnte die Registrierung nicht speichern. Versuchen Sie es erneut; wenn es wieder passiert, rufen Sie eine Filialleitung.</translation>
    </message>
    <message>
        <source>This sale earns them no points now: keep the receipt. Once they are registered, they claim the points with the receipt&apos;s QR code (or a manager adds them as missed points).</source>
        <extracomment>Said with every &quot;saved&quot;: the member is not on this sale (no member id until the replay), so the sale earns them nothing now. A sale without a member prints the claim QR (:mod:`till.printing.layout`, when the till has its claim key), which the member scans later; a receipt without one is a manager&apos;s &quot;missed points&quot; claim.</extracomment>
        <translation>Dieser Verkauf bringt dem Mitglied jetzt keine Punkte: Bon aufbewahren. Sobald es registriert ist, holt es sich die Punkte mit dem QR-Code auf dem Bon (oder die Filialleitung trägt sie als fehlende Punkte nach).</translation>
    </message>
    <message>
        <source>Please check the phone number: {why}</source>
        <extracomment>The form&apos;s fields, as the backend names them in a refusal&apos;s ``field``.</extracomment>
        <translation>Bitte prüfen Sie die Telefonnummer: {why}</translation>
    </message>
    <message>
        <source>Please check the name: {why}</source>
        <translation>Bitte prüfen Sie den Namen: {why}</translation>
    </message>
    <message>
        <source>Please check the email: {why}</source>
        <translation>Bitte prüfen Sie die E-Mail-Adresse: {why}</translation>
    </message>
    <message>
        <source>Please check the card: {why}</source>
        <translation>Bitte prüfen Sie die Karte: {why}</translation>
    </message>
    <message>
        <source>Registered. Look the member up by phone to add them to the sale.</source>
        <translation>Registriert. Suchen Sie das Mitglied per Telefonnummer, um es dem Verkauf hinzuzufügen.</translation>
    </message>
    <message>
        <source>{why} It is in the manager&apos;s review list.</source>
        <translation>{why} Der Vorgang steht in der Prüfliste der Filialleitung.</translation>
    </message>
    <message>
        <source>A member saved while offline is now registered.</source>
        <translation>Ein offline gespeichertes Mitglied ist jetzt registriert.</translation>
    </message>
    <message>
        <source>{name} is now registered (saved while offline).</source>
        <translation>{name} ist jetzt registriert (offline gespeichert).</translation>
    </message>
    <message>
        <source>The member</source>
        <translation>Das Mitglied</translation>
    </message>
    <message>
        <source>The loyalty server refused it.</source>
        <translation>Der Bonusserver hat es abgelehnt.</translation>
    </message>
    <message>
        <source>A registration saved while offline was not made: {why} A manager can see it in the review list.</source>
        <translation>Eine offline gespeicherte Registrierung wurde nicht ausgeführt: {why} Die Filialleitung sieht sie in der Prüfliste.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>Scan the receipt&apos;s barcode or type its number, then Enter.</source>
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
        <source>That is a card: scan the receipt&apos;s barcode, or type its number.</source>
        <translation>Das ist eine Karte: Barcode des Bons scannen oder Nummer eingeben.</translation>
    </message>
    <message>
        <source>That scan can&apos;t be read as a receipt number: type the number printed on the receipt, then Enter.</source>
        <translation>Der Scan ist keine Bonnummer: die auf dem Bon gedruckte Nummer eingeben, dann Enter.</translation>
    </message>
    <message>
        <source>Type the receipt number as printed on the receipt.</source>
        <translation>Bonnummer wie auf dem Bon gedruckt eingeben.</translation>
    </message>
    <message>
        <source>The till&apos;s sales could not be read: type the amount returned.</source>
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
    <name>Sale</name>
    <message>
        <source>The sale could not be saved on this till. Call a manager.</source>
        <translation>Der Verkauf konnte an dieser Kasse nicht gespeichert werden. Filialleitung rufen.</translation>
    </message>
    <message>
        <source>The till&apos;s API key was refused: call a technician. The operation is kept and sent once the key is fixed.</source>
        <translation>Der API-Schlüssel der Kasse wurde abgelehnt: Techniker rufen. Der Vorgang bleibt gespeichert und wird gesendet, sobald der Schlüssel in Ordnung ist.</translation>
    </message>
    <message>
        <source>Sale not recorded, call a manager.</source>
        <translation>Verkauf nicht gespeichert, Filialleitung rufen.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was charged.</source>
        <translation>Abgebrochen: es wurde nichts belastet.</translation>
    </message>
    <message>
        <source>Waiting for the loyalty server: it is sent as soon as it can be.</source>
        <translation>Warten auf den Bonusserver: wird gesendet, sobald es geht.</translation>
    </message>
    <message>
        <source>Payment has started: lines can no longer change. Void the sale.</source>
        <translation>Zahlung läuft: Positionen können nicht mehr geändert werden. Verkauf stornieren.</translation>
    </message>
    <message>
        <source>Enter an amount greater than zero.</source>
        <translation>Geben Sie einen Betrag größer als null ein.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Payment has started: the member can no longer be changed on this sale.</source>
        <translation>Zahlung läuft: das Mitglied kann bei diesem Verkauf nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>Payment has started: the member can no longer be removed.</source>
        <translation>Zahlung läuft: das Mitglied kann nicht mehr entfernt werden.</translation>
    </message>
    <message>
        <source>This sale is not open.</source>
        <translation>Dieser Verkauf ist nicht offen.</translation>
    </message>
    <message>
        <source>Ring up the sale first.</source>
        <translation>Erfassen Sie zuerst den Verkauf.</translation>
    </message>
    <message>
        <source>Nothing is left to pay.</source>
        <translation>Es ist nichts mehr zu zahlen.</translation>
    </message>
    <message>
        <source>The card terminal can&apos;t take more than what is due.</source>
        <translation>Das Kartenterminal kann nicht mehr als den offenen Betrag annehmen.</translation>
    </message>
    <message>
        <source>Start a sale first.</source>
        <translation>Beginnen Sie zuerst einen Verkauf.</translation>
    </message>
    <message>
        <source>Points were already used on this sale.</source>
        <translation>Bei diesem Verkauf wurden schon Punkte eingesetzt.</translation>
    </message>
    <message>
        <source>Cancelling the points payment… the sale can be parked (F11) meanwhile.</source>
        <translation>Punktezahlung wird abgebrochen… der Verkauf kann so lange geparkt werden (F11).</translation>
    </message>
    <message>
        <source>There is no open sale to park.</source>
        <translation>Es gibt keinen offenen Verkauf zum Parken.</translation>
    </message>
    <message>
        <source>This sale is already being finished.</source>
        <translation>Dieser Verkauf wird bereits abgeschlossen.</translation>
    </message>
    <message>
        <source>The points payment is not confirmed yet: retry it (F4), park the sale (F11) or pay another way (F5/F6).</source>
        <translation>Die Punktezahlung ist noch nicht bestätigt: wiederholen (F4), Verkauf parken (F11) oder anders zahlen (F5/F6).</translation>
    </message>
    <message>
        <source>{due} is still to pay: take cash (F5) or card (F6).</source>
        <translation>Noch {due} zu zahlen: bar (F5) oder mit Karte (F6).</translation>
    </message>
    <message>
        <source>This sale can&apos;t be voided now.</source>
        <translation>Dieser Verkauf kann jetzt nicht storniert werden.</translation>
    </message>
    <message>
        <source>The points payment is confirmed: {points} points.</source>
        <translation>Die Punktezahlung ist bestätigt: {points} Punkte.</translation>
    </message>
    <message>
        <source>The points payment was cancelled: nothing was charged.</source>
        <translation>Die Punktezahlung wurde abgebrochen: es wurde nichts belastet.</translation>
    </message>
    <message>
        <source>The points were not used: {why}</source>
        <translation>Die Punkte wurden nicht eingesetzt: {why}</translation>
    </message>
    <message>
        <source>The points payment is not confirmed: {why} Retry (F4), park the sale (F11) or pay another way (F5/F6); it is never charged twice.</source>
        <translation>Die Punktezahlung ist nicht bestätigt: {why} Wiederholen (F4), Verkauf parken (F11) oder anders zahlen (F5/F6); es wird nie doppelt belastet.</translation>
    </message>
    <message>
        <source>No points for this sale: {why}</source>
        <translation>Keine Punkte für diesen Verkauf: {why}</translation>
    </message>
    <message>
        <source>The sale was not voided: {why}</source>
        <translation>Der Verkauf wurde nicht storniert: {why}</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>The till could not start: {why}</source>
        <translation>Die Kasse konnte nicht starten: {why}</translation>
    </message>
</context>
<context>
    <name>TableOrders</name>
    <message>
        <source>Open order ({OPEN_KEY})</source>
        <extracomment>In the list only (Alt+O there first): Delete is an editing key everywhere else.</extracomment>
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
        <extracomment>The feed&apos;s long-poll wait (the backend&apos;s longest): a new order still arrives at once, and a stopping backend answers waiting polls first (server/closing_server.py).</extracomment>
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
        <source>Table orders: {waiting} ({key})</source>
        <translation>Tischbestellungen: {waiting} ({key})</translation>
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
        <translation type="vanished">Verkauf storniert: die Bestellung von Tisch {table} ist hier noch offen.</translation>
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
        <source>A new seating: the table&apos;s earlier QR codes stop working.</source>
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
        <source>Type the table&apos;s number.</source>
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
    <message>
        <source>Sale voided: the order of table {table} is cancelled.</source>
        <translation>Verkauf storniert: Die Bestellung von Tisch {table} ist storniert.</translation>
    </message>
    <message>
        <source>Table {table}: this order is the sale being rung up. Void the sale (F8): that cancels the order too.</source>
        <translation>Tisch {table}: Diese Bestellung ist der laufende Verkauf. Stornieren Sie den Verkauf (F8): Das storniert auch die Bestellung.</translation>
    </message>
    <message>
        <source>Table {table}: the order is being served at till {till}; cancel it there.</source>
        <translation>Tisch {table}: Die Bestellung wird an Kasse {till} bedient; stornieren Sie sie dort.</translation>
    </message>
    <message>
        <source>Table {table}: the order is cancelled.</source>
        <translation>Tisch {table}: Die Bestellung ist storniert.</translation>
    </message>
    <message>
        <source>Table {table}: the order is cancelled here; the server hears it when it is back.</source>
        <translation>Tisch {table}: Die Bestellung ist hier storniert; der Server erfährt es, sobald er wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>Table {table}: the order could not be cancelled ({message}). A manager can see it in the review list.</source>
        <translation>Tisch {table}: Die Bestellung konnte nicht storniert werden ({message}). Ein Manager sieht sie in der Prüfliste.</translation>
    </message>
    <message>
        <source>Cancel order ({CANCEL_KEY})</source>
        <translation>Bestellung stornieren ({CANCEL_KEY})</translation>
    </message>
    <message>
        <source>Cancel the table order</source>
        <translation>Tischbestellung stornieren</translation>
    </message>
    <message>
        <source>Cancel the order of table {table}? ({order}) The guest&apos;s order is gone for good: they order again, or you ring it up by hand.</source>
        <translation>Die Bestellung von Tisch {table} stornieren? ({order}) Die Bestellung des Gastes ist dann endgültig weg: Der Gast bestellt neu, oder Sie tippen sie von Hand ein.</translation>
    </message>
    <message>
        <source>Cancel the order (Enter)</source>
        <translation>Bestellung stornieren (Enter)</translation>
    </message>
    <message>
        <source>Keep the order (Esc)</source>
        <translation>Bestellung behalten (Esc)</translation>
    </message>
    <message>
        <source>The loyalty server cannot be reached: new table orders appear when it is back.</source>
        <translation>Der Bonusserver ist nicht erreichbar: neue Tischbestellungen erscheinen, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>Table orders are not available from this loyalty server.</source>
        <translation>Dieser Bonusserver bietet keine Tischbestellungen an.</translation>
    </message>
    <message>
        <source>Table orders could not be read: see the till&apos;s log.</source>
        <translation>Tischbestellungen konnten nicht gelesen werden: siehe Protokoll der Kasse.</translation>
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
        <source>Checks the till&apos;s network, the loyalty backend, the API key, a card, the readers and the journal.</source>
        <translation>Prüft Netzwerk der Kasse, Bonusserver, API-Schlüssel, eine Karte, die Lesegeräte und das Journal.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>Nächster Schritt</translation>
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
        <source>loyalty card</source>
        <translation>Kundenkarte</translation>
    </message>
    <message>
        <source>bank card (refused; shown masked)</source>
        <translation>Bankkarte (abgelehnt; maskiert angezeigt)</translation>
    </message>
    <message>
        <source>unreadable swipe</source>
        <translation>unlesbarer Durchzug</translation>
    </message>
    <message>
        <source>driving licence (refused)</source>
        <translation>Führerschein (abgelehnt)</translation>
    </message>
    <message>
        <source>magstripe</source>
        <translation>Magnetstreifen</translation>
    </message>
    <message>
        <source>member QR code</source>
        <translation>Mitglieds-QR-Code</translation>
    </message>
    <message>
        <source>member barcode</source>
        <translation>Mitglieds-Barcode</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>product barcode</source>
        <translation>Produkt-Barcode</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Swipe a card or scan a code.</source>
        <translation>Karte durchziehen oder Code scannen.</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Spur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Bedeutung</translation>
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
        <source>absent</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>fail (info)</source>
        <translation>fehlgeschlagen (Hinweis)</translation>
    </message>
    <message>
        <source>{state}: {detail}</source>
        <translation>{state}: {detail}</translation>
    </message>
    <message>
        <source>Start a &amp;new session</source>
        <translation>&amp;Neue Sitzung starten</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
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
        <source>The bench takes this till&apos;s card readers while it is in front, and shows what each card holds: a manager signs the technician in.</source>
        <translation>Solange der Kartentest vorne ist, nutzt er die Lesegeräte dieser Kasse und zeigt, was jede Karte enthält. Die Filialleitung meldet den Techniker an.</translation>
    </message>
    <message>
        <source>Opened under {name}&apos;s manager sign-in. Readers: waiting for a read.</source>
        <translation>Geöffnet mit der Anmeldung von Filialleitung {name}. Lesegeräte: warten auf eine Lesung.</translation>
    </message>
    <message>
        <source>Card number has {n} characters (at least 8 are needed).</source>
        <translation>Die Kartennummer hat {n} Zeichen (mindestens 8 sind nötig).</translation>
    </message>
    <message>
        <source>Card number has only {n} characters; loyalty card numbers need at least 8.</source>
        <translation>Die Kartennummer hat nur {n} Zeichen; Kundenkartennummern brauchen mindestens 8.</translation>
    </message>
    <message>
        <source>No track carries a card number.</source>
        <translation>Keine Spur enthält eine Kartennummer.</translation>
    </message>
    <message>
        <source>Alphanumeric reference found on track 2: it can only be encoded on tracks 1 and 3.</source>
        <translation>Alphanumerische Nummer auf Spur 2 gefunden: sie kann nur auf Spur 1 und 3 codiert werden.</translation>
    </message>
    <message>
        <source>Alphanumeric reference found only on track(s) {tracks}: it must be encoded on at least track 1.</source>
        <translation>Alphanumerische Nummer nur auf Spur(en) {tracks} gefunden: sie muss mindestens auf Spur 1 codiert sein.</translation>
    </message>
    <message>
        <source>Numeric reference found only on track 3: numeric references are encoded on tracks 1 and 2.</source>
        <translation>Numerische Nummer nur auf Spur 3 gefunden: numerische Nummern werden auf Spur 1 und 2 codiert.</translation>
    </message>
    <message>
        <source>No track could be read; nothing to compare.</source>
        <translation>Keine Spur war lesbar; nichts zu vergleichen.</translation>
    </message>
    <message>
        <source>Only track(s) {tracks} could be read; nothing to compare.</source>
        <translation>Nur Spur(en) {tracks} lesbar; nichts zu vergleichen.</translation>
    </message>
    <message>
        <source>Track(s) {tracks} carry the same number.</source>
        <translation>Spur(en) {tracks} enthalten dieselbe Nummer.</translation>
    </message>
    <message>
        <source>The tracks disagree: {detail}.</source>
        <translation>Die Spuren stimmen nicht überein: {detail}.</translation>
    </message>
    <message>
        <source>Card number is inside the program range {range}.</source>
        <translation>Die Kartennummer liegt im Programmbereich {range}.</translation>
    </message>
    <message>
        <source>Card number {number} is outside this program&apos;s number ranges ({ranges}).</source>
        <translation>Die Kartennummer {number} liegt außerhalb der Nummernbereiche dieses Programms ({ranges}).</translation>
    </message>
    <message>
        <source>The card range setting is invalid: {detail}.</source>
        <translation>Die Einstellung der Kartenbereiche ist ungültig: {detail}.</translation>
    </message>
    <message>
        <source>Card number has letters, so it cannot carry the Luhn check digit this program requires.</source>
        <translation>Die Kartennummer enthält Buchstaben und kann daher die von diesem Programm verlangte Luhn-Prüfziffer nicht tragen.</translation>
    </message>
    <message>
        <source>Luhn check digit does not apply to alphanumeric numbers.</source>
        <translation>Die Luhn-Prüfziffer gilt nicht für alphanumerische Nummern.</translation>
    </message>
    <message>
        <source>Luhn check digit is valid (ISO/IEC 7812-1).</source>
        <translation>Die Luhn-Prüfziffer ist gültig (ISO/IEC 7812-1).</translation>
    </message>
    <message>
        <source>Luhn check digit is wrong (ISO/IEC 7812-1), and this program requires a valid one: the number was misread or the card is not from this program.</source>
        <translation>Die Luhn-Prüfziffer ist falsch (ISO/IEC 7812-1), und dieses Programm verlangt eine gültige: die Nummer wurde falsch gelesen oder die Karte gehört nicht zu diesem Programm.</translation>
    </message>
    <message>
        <source>Luhn check digit does not match (ISO/IEC 7812-1); informational only, this program does not require one.</source>
        <translation>Die Luhn-Prüfziffer stimmt nicht (ISO/IEC 7812-1); nur ein Hinweis, dieses Programm verlangt keine.</translation>
    </message>
    <message>
        <source>{check}: {detail}</source>
        <translation>{check}: {detail}</translation>
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

"""Every sentence of the member page, in each shipped language (issue 17).

The same mechanism as the SMS (``server.sms_texts``): one entry per message, each in every
language of ``server.sms_texts.LANGUAGES``, ``str.format`` fields; a test
(``tests/unit/server/test_page_texts.py``) fails when a language, a field or a plural form is
missing, when a template or page module uses a key that is not here, or when a template holds
text outside ``_()``. A message that depends on a number is a dict by CLDR plural category
(``one``, ``few``, ``many``, ``other``: Unicode TR35 Part 3, "Language Plural Rules"), as
Babel's ``Locale.plural_form`` names them for the language; Ukrainian needs four.

Keys name the page and the place (``login.title``); errors are ``error.<code>`` after the
``ServerError.code`` the page shows.
"""

from __future__ import annotations

Plural = dict[str, str]
Entry = dict[str, str | Plural]

TEXTS: dict[str, Entry] = {
    # -- every page ------------------------------------------------------------------------
    "bar.default": {
        "en": "Order at your table",
        "de": "Am Tisch bestellen",
        "uk": "Замовлення за столиком",
    },
    "bar.table": {"en": "Table {table}", "de": "Tisch {table}", "uk": "Столик {table}"},
    "page.title": {"en": "Order", "de": "Bestellen", "uk": "Замовлення"},
    "lang.label": {"en": "Language", "de": "Sprache", "uk": "Мова"},
    "who.logged_in_as": {"en": "Logged in as", "de": "Angemeldet als", "uk": "Ви увійшли як"},
    "who.member": {"en": "member", "de": "Mitglied", "uk": "учасник"},
    "who.logout": {"en": "Log out", "de": "Abmelden", "uk": "Вийти"},
    "field.phone": {"en": "Phone number", "de": "Telefonnummer", "uk": "Номер телефону"},
    "total": {"en": "Total", "de": "Summe", "uk": "Разом"},
    "link.rewards": {"en": "My rewards", "de": "Meine Prämien", "uk": "Мої бонуси"},
    # -- login -----------------------------------------------------------------------------
    "login.title": {
        "en": "Log in to order",
        "de": "Anmelden und bestellen",
        "uk": "Увійдіть, щоб замовити",
    },
    "login.hint": {
        "en": "Use the phone number of your rewards membership.",
        "de": "Nutzen Sie die Telefonnummer Ihrer Prämien-Mitgliedschaft.",
        "uk": "Вкажіть номер телефону, з яким ви берете участь у бонусній програмі.",
    },
    "login.hint_program": {
        "en": "Use the phone number of your {program} membership.",
        "de": "Nutzen Sie die Telefonnummer Ihrer Mitgliedschaft bei {program}.",
        "uk": "Вкажіть номер телефону, з яким ви берете участь у програмі {program}.",
    },
    "login.password": {"en": "Password", "de": "Passwort", "uk": "Пароль"},
    "login.submit": {"en": "Let's go", "de": "Los geht's", "uk": "Увійти"},
    "login.first_time": {
        "en": "First time here? Set your password",
        "de": "Zum ersten Mal hier? Passwort festlegen",
        "uk": "Уперше тут? Встановіть пароль",
    },
    "login.forgot": {"en": "Forgot password?", "de": "Passwort vergessen?", "uk": "Забули пароль?"},
    "notice.password": {
        "en": "Your password is set. Please log in.",
        "de": "Ihr Passwort ist festgelegt. Bitte melden Sie sich an.",
        "uk": "Пароль встановлено. Будь ласка, увійдіть.",
    },
    # -- password by SMS code --------------------------------------------------------------
    "password.title": {
        "en": "Set your password",
        "de": "Passwort festlegen",
        "uk": "Встановлення пароля",
    },
    "password.explain": {
        "en": "We send a 6-digit code by SMS to the phone number of your membership.",
        "de": "Wir senden einen 6-stelligen Code per SMS an die Telefonnummer Ihrer Mitgliedschaft.",
        "uk": "Ми надішлемо 6-значний код у SMS на номер телефону вашої участі в програмі.",
    },
    "password.send": {"en": "Send me a code", "de": "Code senden", "uk": "Надіслати код"},
    "password.back": {"en": "Back to log in", "de": "Zurück zur Anmeldung", "uk": "Назад до входу"},
    "password.sent": {
        "en": "If {phone} is the number of a membership, a code is on its way by SMS.",
        "de": "Wenn {phone} zu einer Mitgliedschaft gehört, ist ein Code per SMS unterwegs.",
        "uk": "Якщо {phone} — номер учасника програми, код уже надіслано в SMS.",
    },
    "password.code": {"en": "Code from the SMS", "de": "Code aus der SMS", "uk": "Код з SMS"},
    "password.new": {
        "en": "New password (at least {min} characters)",
        "de": "Neues Passwort (mindestens {min} Zeichen)",
        "uk": "Новий пароль (щонайменше {min} символів)",
    },
    "password.again": {
        "en": "New password again",
        "de": "Neues Passwort wiederholen",
        "uk": "Повторіть новий пароль",
    },
    "password.submit": {"en": "Set password", "de": "Passwort speichern", "uk": "Зберегти пароль"},
    "password.resend": {
        "en": "Send a new code",
        "de": "Neuen Code senden",
        "uk": "Надіслати новий код",
    },
    # -- menu and cart ---------------------------------------------------------------------
    "menu.title": {"en": "Menu", "de": "Speisekarte", "uk": "Меню"},
    "menu.less": {
        "en": "One less {item}",
        "de": "Ein {item} weniger",
        "uk": "На один {item} менше",
    },
    "menu.more": {"en": "One more {item}", "de": "Ein {item} mehr", "uk": "Ще один {item}"},
    "menu.how_many": {"en": "How many {item}", "de": "Anzahl {item}", "uk": "Кількість: {item}"},
    "menu.empty": {
        "en": "Nothing on the menu right now.",
        "de": "Gerade steht nichts auf der Karte.",
        "uk": "Зараз у меню нічого немає.",
    },
    "menu.view_cart": {"en": "View cart", "de": "Zum Warenkorb", "uk": "До кошика"},
    "cart.title": {"en": "Your order", "de": "Ihre Bestellung", "uk": "Ваше замовлення"},
    "cart.confirm": {
        "en": "Confirm order",
        "de": "Bestellung absenden",
        "uk": "Підтвердити замовлення",
    },
    "cart.empty": {
        "en": "Your cart is empty.",
        "de": "Ihr Warenkorb ist leer.",
        "uk": "Ваш кошик порожній.",
    },
    "cart.change": {
        "en": "Change the order",
        "de": "Bestellung ändern",
        "uk": "Змінити замовлення",
    },
    # -- order sent ------------------------------------------------------------------------
    "done.title": {
        "en": "Order {number} sent",
        "de": "Bestellung {number} gesendet",
        "uk": "Замовлення {number} надіслано",
    },
    "done.thanks": {"en": "Thank you.", "de": "Vielen Dank.", "uk": "Дякуємо."},
    "done.thanks_name": {
        "en": "Thank you, {name}.",
        "de": "Vielen Dank, {name}.",
        "uk": "Дякуємо, {name}.",
    },
    "done.with_staff": {
        "en": "Your order for table {table} is with the staff.",
        "de": "Ihre Bestellung für Tisch {table} ist beim Personal.",
        "uk": "Ваше замовлення для столика {table} передано персоналу.",
    },
    "done.pay": {
        "en": "After your meal, please pay at the counter: your points are added there.",
        "de": "Bitte zahlen Sie nach dem Essen an der Kasse: Dort werden Ihre Punkte gutgeschrieben.",
        "uk": "Після їжі, будь ласка, оплатіть на касі: там вам нарахують бали.",
    },
    "done.more": {"en": "Order more", "de": "Mehr bestellen", "uk": "Замовити ще"},
    # -- my rewards ------------------------------------------------------------------------
    "rewards.balance": {"en": "Points balance", "de": "Punktestand", "uk": "Баланс балів"},
    "rewards.expiry": {
        "en": {
            "one": "{points} point expires on {date}.",
            "other": "{points} points expire on {date}.",
        },
        "de": {
            "one": "{points} Punkt verfällt am {date}.",
            "other": "{points} Punkte verfallen am {date}.",
        },
        "uk": {
            "one": "{points} бал згорить {date}.",
            "few": "{points} бали згорять {date}.",
            "many": "{points} балів згорять {date}.",
            "other": "{points} бала згорять {date}.",
        },
    },
    "rewards.recent": {"en": "Recent points", "de": "Letzte Punkte", "uk": "Останні бали"},
    "rewards.none": {"en": "No points yet.", "de": "Noch keine Punkte.", "uk": "Балів ще немає."},
    "rewards.back": {"en": "Back to the menu", "de": "Zurück zur Karte", "uk": "Назад до меню"},
    "history.earn": {"en": "Earned", "de": "Gesammelt", "uk": "Нараховано"},
    "history.redeem": {"en": "Redeemed", "de": "Eingelöst", "uk": "Списано"},
    "history.reversal": {"en": "Reversed", "de": "Storniert", "uk": "Скасовано"},
    "history.claim": {
        "en": "Missed points added",
        "de": "Fehlende Punkte gutgeschrieben",
        "uk": "Нараховано пропущені бали",
    },
    "history.correction": {"en": "Correction", "de": "Korrektur", "uk": "Коригування"},
    "history.return": {"en": "Return", "de": "Rückgabe", "uk": "Повернення"},
    "history.restore": {"en": "Restored", "de": "Wiederhergestellt", "uk": "Відновлено"},
    "history.expiry": {"en": "Expired", "de": "Verfallen", "uk": "Згоріли"},
    "history.other": {"en": "Other", "de": "Sonstiges", "uk": "Інше"},
    # -- plain pages -----------------------------------------------------------------------
    "plain.forged.title": {
        "en": "This code does not work",
        "de": "Dieser Code funktioniert nicht",
        "uk": "Цей код не працює",
    },
    "plain.forged.text": {
        "en": "Please ask your waiter for the table's QR code.",
        "de": "Bitte fragen Sie Ihre Bedienung nach dem QR-Code des Tisches.",
        "uk": "Попросіть офіціанта показати QR-код столика.",
    },
    "plain.expired.title": {
        "en": "This code has expired",
        "de": "Dieser Code ist abgelaufen",
        "uk": "Термін дії цього коду минув",
    },
    "plain.expired.text": {
        "en": "Please ask your waiter for a new QR code.",
        "de": "Bitte fragen Sie Ihre Bedienung nach einem neuen QR-Code.",
        "uk": "Попросіть офіціанта показати новий QR-код.",
    },
    "plain.off.title": {
        "en": "Ordering is not available",
        "de": "Bestellen ist nicht möglich",
        "uk": "Замовлення недоступне",
    },
    "plain.off.text": {
        "en": "Please order with the staff at this store.",
        "de": "Bitte bestellen Sie beim Personal.",
        "uk": "Будь ласка, зробіть замовлення у персоналу.",
    },
    "plain.stale.title": {
        "en": "This page has expired",
        "de": "Diese Seite ist abgelaufen",
        "uk": "Термін дії сторінки минув",
    },
    "plain.stale.text": {
        "en": "Please go back, reload the page and try again.",
        "de": "Bitte gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.",
        "uk": "Поверніться назад, оновіть сторінку й спробуйте ще раз.",
    },
    "plain.not_found": {"en": "Not found", "de": "Nicht gefunden", "uk": "Не знайдено"},
    "plain.no_order": {
        "en": "No such order",
        "de": "Diese Bestellung gibt es nicht",
        "uk": "Такого замовлення немає",
    },
    # -- errors (error.<ServerError.code>) -------------------------------------------------
    "error.login_first": {
        "en": "Please log in first.",
        "de": "Bitte melden Sie sich zuerst an.",
        "uk": "Спершу увійдіть.",
    },
    "error.login_failed": {
        "en": "That phone number and password do not match a member's.",
        "de": "Telefonnummer und Passwort passen zu keinem Mitglied.",
        "uk": "Цей номер телефону й пароль не відповідають жодному учаснику.",
    },
    "error.login_throttled": {
        "en": "Too many tries. Please wait {wait} and try again.",
        "de": "Zu viele Versuche. Bitte warten Sie {wait} und versuchen Sie es dann erneut.",
        "uk": "Забагато спроб. Зачекайте {wait} і спробуйте ще раз.",
    },
    "error.code_rate_limited": {
        "en": "Too many codes asked for this number. Please wait {wait}.",
        "de": "Zu viele Codes für diese Nummer angefordert. Bitte warten Sie {wait}.",
        "uk": "Для цього номера запитано забагато кодів. Зачекайте {wait}.",
    },
    "error.code_invalid": {
        "en": "That code is not right or has expired. Ask for a new code.",
        "de": "Der Code stimmt nicht oder ist abgelaufen. Fordern Sie einen neuen an.",
        "uk": "Код неправильний або його термін минув. Запитайте новий код.",
    },
    "error.password_mismatch": {
        "en": "The two passwords are not the same.",
        "de": "Die beiden Passwörter stimmen nicht überein.",
        "uk": "Паролі не збігаються.",
    },
    "error.password_length": {
        "en": "A password has {min} to {max} characters.",
        "de": "Ein Passwort hat {min} bis {max} Zeichen.",
        "uk": "Пароль має містити від {min} до {max} символів.",
    },
    "error.invalid_phone": {
        "en": "That is not a phone number for {country}.",
        "de": "Das ist keine Telefonnummer für {country}.",
        "uk": "Це не номер телефону для країни {country}.",
    },
    "error.cart_empty": {
        "en": "The cart is empty.",
        "de": "Der Warenkorb ist leer.",
        "uk": "Кошик порожній.",
    },
    "error.cart_too_big": {
        "en": "At most {lines} items, {quantity} of each.",
        "de": "Höchstens {lines} Artikel, je {quantity} Stück.",
        "uk": "Не більше {lines} позицій, по {quantity} кожної.",
    },
    "error.cart_item_gone": {
        "en": "An item of the cart is no longer on the menu.",
        "de": "Ein Artikel im Warenkorb steht nicht mehr auf der Karte.",
        "uk": "Однієї позиції з кошика вже немає в меню.",
    },
    "error.too_many_open_orders": {
        "en": "You have several orders waiting already; please ask the staff.",
        "de": "Sie haben schon mehrere offene Bestellungen; bitte fragen Sie das Personal.",
        "uk": "У вас уже кілька замовлень в очікуванні; зверніться до персоналу.",
    },
    "error.sms_unavailable": {
        "en": "We cannot send an SMS right now. Please ask the staff.",
        "de": "Wir können gerade keine SMS senden. Bitte fragen Sie das Personal.",
        "uk": "Зараз ми не можемо надіслати SMS. Зверніться до персоналу.",
    },
    "error.other": {
        "en": "That did not work. Please try again or ask the staff.",
        "de": "Das hat nicht geklappt. Bitte versuchen Sie es noch einmal oder fragen Sie das Personal.",
        "uk": "Не вдалося. Спробуйте ще раз або зверніться до персоналу.",
    },
}

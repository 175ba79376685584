<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>BackendError</name>
    <message>
        <source>No loyalty account was found.</source>
        <translation>Обліковий запис програми лояльності не знайдено.</translation>
    </message>
    <message>
        <source>This card is not registered to a customer yet.</source>
        <translation>Ця картка ще не зареєстрована на клієнта.</translation>
    </message>
    <message>
        <source>This loyalty account is inactive: it cannot earn or redeem points.</source>
        <translation>Цей обліковий запис неактивний: він не може накопичувати чи витрачати бали.</translation>
    </message>
    <message>
        <source>The customer does not have enough points for this.</source>
        <translation>У клієнта недостатньо балів для цього.</translation>
    </message>
    <message>
        <source>This redemption needs the code sent to the customer&apos;s phone.</source>
        <translation>Для цього списання потрібен код, надісланий на телефон клієнта.</translation>
    </message>
    <message>
        <source>That code is not right.</source>
        <translation>Цей код неправильний.</translation>
    </message>
    <message>
        <source>The code has expired. Send a new code.</source>
        <translation>Термін дії коду минув. Надішліть новий код.</translation>
    </message>
    <message>
        <source>Too many wrong codes: this code is locked. A manager can override, or wait for it to expire.</source>
        <translation>Забагато неправильних кодів: цей код заблоковано. Менеджер може підтвердити, або зачекайте, доки він не втратить чинність.</translation>
    </message>
    <message>
        <source>A new code cannot be sent yet.</source>
        <translation>Новий код поки що не можна надіслати.</translation>
    </message>
    <message>
        <source>Too many codes were requested for this customer. Try again in a few minutes.</source>
        <translation>Для цього клієнта запитано забагато кодів. Спробуйте ще раз за кілька хвилин.</translation>
    </message>
    <message>
        <source>Points for this receipt were already given.</source>
        <translation>Бали за цей чек уже нараховано.</translation>
    </message>
    <message>
        <source>No sale with points was found for this receipt number at this store.</source>
        <translation>Продажу з балами за цим номером чека в цьому магазині не знайдено.</translation>
    </message>
    <message>
        <source>That is more than is left to return on this receipt.</source>
        <translation>Це більше, ніж ще можна повернути за цим чеком.</translation>
    </message>
    <message>
        <source>This campaign&apos;s points were already claimed for this receipt.</source>
        <translation>Бали цієї акції за цей чек уже нараховано.</translation>
    </message>
    <message>
        <source>This campaign did not apply at the time of that sale.</source>
        <translation>Ця акція не діяла на момент цього продажу.</translation>
    </message>
    <message>
        <source>A manager must approve this.</source>
        <translation>Це має підтвердити менеджер.</translation>
    </message>
    <message>
        <source>The manager name or PIN is not right.</source>
        <translation>Ім&apos;я або PIN менеджера неправильні.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this manager is locked for 15 minutes.</source>
        <translation>Забагато неправильних PIN: цього менеджера заблоковано на 15 хвилин.</translation>
    </message>
    <message>
        <source>This operation was already sent with different details. A manager must review it.</source>
        <translation>Цю операцію вже надіслано з іншими даними. Її має перевірити менеджер.</translation>
    </message>
    <message>
        <source>The till&apos;s API key was refused. A technician must check it under Settings.</source>
        <translation>API-ключ каси відхилено. Технік має перевірити його в Налаштуваннях.</translation>
    </message>
    <message>
        <source>The till&apos;s API key has been revoked. A technician must enter a new one under Settings.</source>
        <translation>API-ключ каси відкликано. Технік має ввести новий у Налаштуваннях.</translation>
    </message>
    <message>
        <source>This till or this staff member may not do that.</source>
        <translation>Ця каса або цей працівник не має на це права.</translation>
    </message>
    <message>
        <source>That number range overlaps another card program.</source>
        <translation>Цей діапазон номерів перетинається з іншою картковою програмою.</translation>
    </message>
    <message>
        <source>Some of these card numbers are already issued.</source>
        <translation>Деякі з цих номерів карток уже видано.</translation>
    </message>
    <message>
        <source>The backend refused the request as invalid.</source>
        <translation>Сервер відхилив запит як недійсний.</translation>
    </message>
    <message>
        <source>This receipt code is not valid: it may be damaged or altered.</source>
        <translation>Цей код чека недійсний: можливо, його пошкоджено або змінено.</translation>
    </message>
    <message>
        <source>This receipt code is too old to collect points.</source>
        <translation>Цей код чека застарий для нарахування балів.</translation>
    </message>
    <message>
        <source>A member with this phone number or email is already registered.</source>
        <translation>Учасника з цим номером телефону або email уже зареєстровано.</translation>
    </message>
    <message>
        <source>That phone number is not valid.</source>
        <translation>Цей номер телефону недійсний.</translation>
    </message>
    <message>
        <source>Goods of this receipt were returned: the return settled its points.</source>
        <translation>Товари з цього чека повернуто: повернення вже врахувало бали.</translation>
    </message>
    <message>
        <source>This transaction was already reversed.</source>
        <translation>Цю операцію вже скасовано.</translation>
    </message>
    <message>
        <source>This transaction cannot be reversed.</source>
        <translation>Цю операцію не можна скасувати.</translation>
    </message>
    <message>
        <source>Only a reversed earning can be corrected.</source>
        <translation>Виправити можна лише скасоване нарахування.</translation>
    </message>
    <message>
        <source>This operation was cancelled; it will never be applied.</source>
        <translation>Цю операцію скасовано; її ніколи не буде застосовано.</translation>
    </message>
    <message>
        <source>The manager&apos;s approval could not be checked. Ask the manager again.</source>
        <translation>Не вдалося перевірити підтвердження менеджера. Попросіть менеджера ще раз.</translation>
    </message>
    <message>
        <source>The customer&apos;s code could not be checked. Send a new code.</source>
        <translation>Не вдалося перевірити код клієнта. Надішліть новий код.</translation>
    </message>
    <message>
        <source>The member&apos;s points were spent again after the backup.</source>
        <translation type="vanished">Бали учасника були знову витрачені після резервної копії.</translation>
    </message>
    <message>
        <source>Codes for this customer are blocked after too many wrong ones. A manager can override.</source>
        <translation>Коди для цього клієнта заблоковано після забагатьох помилок. Менеджер може підтвердити.</translation>
    </message>
    <message>
        <source>This order was not found.</source>
        <translation>Це замовлення не знайдено.</translation>
    </message>
    <message>
        <source>This order is already paid or cancelled.</source>
        <translation>Це замовлення вже оплачено або скасовано.</translation>
    </message>
    <message>
        <source>This order is being served at another till.</source>
        <translation>Це замовлення обслуговується на іншій касі.</translation>
    </message>
    <message>
        <source>This member has several orders waiting already.</source>
        <translation>У цього учасника вже є кілька замовлень в очікуванні.</translation>
    </message>
    <message>
        <source>This store belongs to another merchant.</source>
        <translation>Цей магазин належить іншому продавцю.</translation>
    </message>
    <message>
        <source>The text message could not be sent. Try again, or ask a manager to override.</source>
        <translation>Не вдалося надіслати SMS. Спробуйте ще раз або попросіть менеджера підтвердити.</translation>
    </message>
    <message>
        <source>Too many requests at once. Try again in a moment.</source>
        <translation>Забагато запитів одночасно. Спробуйте ще раз за мить.</translation>
    </message>
    <message>
        <source>The loyalty server refused this: it conflicts with what it holds.</source>
        <translation>Сервер лояльності відхилив це: це суперечить його даним.</translation>
    </message>
    <message>
        <source>The loyalty server&apos;s answer could not be read. Try again; if it keeps happening, call a technician.</source>
        <translation>Не вдалося прочитати відповідь сервера лояльності. Спробуйте ще раз; якщо повторюється, викличте техніка.</translation>
    </message>
    <message>
        <source>The loyalty server cannot be reached. Points will be added when it is back.</source>
        <translation>Сервер лояльності недоступний. Бали буде нараховано, щойно він повернеться.</translation>
    </message>
    <message>
        <source>The loyalty server did not answer in time. Points will be added when it is back.</source>
        <translation>Сервер лояльності не відповів вчасно. Бали буде нараховано, щойно він повернеться.</translation>
    </message>
    <message>
        <source>The loyalty server refused this (error {status}).</source>
        <translation>Сервер лояльності відхилив це (помилка {status}).</translation>
    </message>
    <message>
        <source>A member with this phone number is already registered.</source>
        <translation>Учасника з цим номером телефону вже зареєстровано.</translation>
    </message>
    <message>
        <source>A member with this email is already registered.</source>
        <translation>Учасника з цим email уже зареєстровано.</translation>
    </message>
    <message>
        <source>A member with this app id is already registered.</source>
        <translation>Учасника з цим ідентифікатором застосунку вже зареєстровано.</translation>
    </message>
    <message>
        <source>That is not a phone number for {country}</source>
        <translation>Це не номер телефону країни {country}</translation>
    </message>
    <message>
        <source>{n} attempts left.</source>
        <translation>Залишилося спроб: {n}.</translation>
    </message>
    <message>
        <source>1 attempt left.</source>
        <translation>Залишилася 1 спроба.</translation>
    </message>
    <message>
        <source>Attempts left: {n}.</source>
        <translation type="vanished">Залишилося спроб: {n}.</translation>
    </message>
    <message>
        <source>Try again in {seconds} seconds.</source>
        <translation>Спробуйте ще раз через {seconds} с.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Please tell the cashier the code we sent to your phone</source>
        <translation>Будь ласка, назвіть касиру код, який ми надіслали вам на телефон</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Дисплей покупця</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Вітаємо!</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Разом: {amount}</translation>
    </message>
    <message>
        <source>Have a loyalty card? Show it to the cashier.</source>
        <translation>Маєте картку лояльності? Покажіть її касиру.</translation>
    </message>
    <message>
        <source>Hello, {name}!</source>
        <translation>Вітаємо, {name}!</translation>
    </message>
    <message>
        <source>This sale earns you {points} points</source>
        <translation>За цю покупку ви отримаєте балів: {points}</translation>
    </message>
    <message>
        <source>Balance: {points} points</source>
        <translation>Баланс: {points} балів</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Дякуємо!</translation>
    </message>
    <message>
        <source>Thank you, {name}!</source>
        <translation>Дякуємо, {name}!</translation>
    </message>
    <message>
        <source>You earned {points} points</source>
        <translation>Ви отримали балів: {points}</translation>
    </message>
    <message>
        <source>Your points are added shortly</source>
        <translation>Бали буде нараховано незабаром</translation>
    </message>
    <message>
        <source>New balance: {points} points</source>
        <translation>Новий баланс: {points} балів</translation>
    </message>
    <message>
        <source>Scan this code with your phone to collect {points} points</source>
        <translation>Скануйте цей код телефоном, щоб отримати {points} балів</translation>
    </message>
    <message>
        <source>Scan this code with your phone to collect your points</source>
        <translation>Скануйте цей код телефоном, щоб отримати свої бали</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>Loyalty Till — demo panel</source>
        <translation>Каса лояльності — демо-панель</translation>
    </message>
    <message>
        <source>Customer&apos;s phone (SMS outbox)</source>
        <translation>Телефон покупця (вихідні SMS)</translation>
    </message>
    <message>
        <source>No SMS sent yet.</source>
        <translation>SMS ще не надсилалися.</translation>
    </message>
    <message>
        <source>Sample cards and codes (through the device pipeline)</source>
        <translation>Зразкові картки й коди (через ланцюжок пристроїв)</translation>
    </message>
    <message>
        <source>Stop the backend (go offline)</source>
        <translation>Зупинити сервер (перейти в офлайн)</translation>
    </message>
    <message>
        <source>Backend running</source>
        <translation>Сервер працює</translation>
    </message>
    <message>
        <source>Stopping the backend…</source>
        <translation>Сервер зупиняється…</translation>
    </message>
    <message>
        <source>Starting the backend…</source>
        <translation>Сервер запускається…</translation>
    </message>
    <message>
        <source>Start the backend (back online)</source>
        <translation>Запустити сервер (знову онлайн)</translation>
    </message>
    <message>
        <source>Backend stopped</source>
        <translation>Сервер зупинено</translation>
    </message>
    <message>
        <source>The backend could not be switched: {exc}</source>
        <translation>Не вдалося перемкнути сервер: {exc}</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>This is a bank card, not a loyalty card. Ask for the loyalty card, the member QR code or the phone number.</source>
        <translation>Це банківська картка, а не картка лояльності. Попросіть картку лояльності, QR-код учасника або номер телефону.</translation>
    </message>
    <message>
        <source>This is a driving licence, not a loyalty card. Hand it back and ask for the loyalty card, the member QR code or the phone number.</source>
        <translation>Це посвідчення водія, а не картка лояльності. Поверніть його й попросіть картку лояльності, QR-код учасника або номер телефону.</translation>
    </message>
    <message>
        <source>The card could not be read. Swipe it again in one steady movement; if it keeps failing, type the number printed on the card.</source>
        <translation>Картку не вдалося прочитати. Проведіть її ще раз одним рівним рухом; якщо не виходить, введіть номер, надрукований на картці.</translation>
    </message>
    <message>
        <source>This is a product barcode, not a member code: scan it on the sales screen.</source>
        <translation>Це штрихкод товару, а не код учасника: скануйте його на екрані продажу.</translation>
    </message>
    <message>
        <source>Not a loyalty card, member code or phone number.</source>
        <translation>Це не картка лояльності, не код учасника і не номер телефону.</translation>
    </message>
    <message>
        <source>The read could not be processed; please try again.</source>
        <translation>Зчитане не вдалося обробити; спробуйте ще раз.</translation>
    </message>
    <message>
        <source>Nothing was read.</source>
        <translation>Нічого не зчитано.</translation>
    </message>
    <message>
        <source>This member QR code holds no usable member reference; ask the member to refresh it in the app.</source>
        <translation>Цей QR-код учасника не містить придатного ідентифікатора; попросіть учасника оновити його в застосунку.</translation>
    </message>
    <message>
        <source>This is a receipt: press F12 (Return) to take goods back on it.</source>
        <translation>Це чек: натисніть F12 (Повернення), щоб прийняти за ним повернення товару.</translation>
    </message>
    <message>
        <source>This GS1 code could not be read as GS1 data; it is no member code.</source>
        <translation>Цей код GS1 не вдалося прочитати як дані GS1; це не код учасника.</translation>
    </message>
    <message>
        <source>The read was incomplete; please try again.</source>
        <translation>Зчитування було неповним; спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The read is too long to be a card or code.</source>
        <translation>Зчитане задовге для картки чи коду.</translation>
    </message>
    <message>
        <source>This is a GS1 code, not a member code.</source>
        <translation>Це код GS1, а не код учасника.</translation>
    </message>
    <message>
        <source>This card cannot be used here.</source>
        <translation>Цю картку тут не можна використати.</translation>
    </message>
    <message>
        <source>This code is not a loyalty card of this program.</source>
        <translation>Цей код не є карткою лояльності цієї програми.</translation>
    </message>
    <message>
        <source>The card number is too short.</source>
        <translation>Номер картки закороткий.</translation>
    </message>
    <message>
        <source>The card number is outside this program&apos;s ranges.</source>
        <translation>Номер картки поза діапазонами цієї програми.</translation>
    </message>
    <message>
        <source>The card number&apos;s check digit is wrong: it was misread, or is not ours.</source>
        <translation>Контрольна цифра номера картки неправильна: її неправильно зчитано або картка не наша.</translation>
    </message>
    <message>
        <source>The card&apos;s tracks hold different numbers.</source>
        <translation>Доріжки картки містять різні номери.</translation>
    </message>
    <message>
        <source>The card number is on the wrong track of the stripe.</source>
        <translation>Номер картки записано не на ту доріжку магнітної смуги.</translation>
    </message>
    <message>
        <source>It is a bank card.</source>
        <translation>Це банківська картка.</translation>
    </message>
    <message>
        <source>It is a driving licence.</source>
        <translation>Це посвідчення водія.</translation>
    </message>
    <message>
        <source>reader connected</source>
        <translation>зчитувач підключено</translation>
    </message>
    <message>
        <source>reader not plugged in; waiting for it</source>
        <translation>зчитувач не підключено; очікування</translation>
    </message>
    <message>
        <source>reader unplugged; waiting for it to come back</source>
        <translation>зчитувач від&apos;єднано; очікування повернення</translation>
    </message>
    <message>
        <source>camera ready</source>
        <translation>камера готова</translation>
    </message>
    <message>
        <source>playing video file</source>
        <translation>відтворюється відеофайл</translation>
    </message>
    <message>
        <source>end of video file</source>
        <translation>кінець відеофайлу</translation>
    </message>
    <message>
        <source>camera stopped delivering pictures (unplugged?)</source>
        <translation>камера перестала передавати зображення (від&apos;єднано?)</translation>
    </message>
    <message>
        <source>camera stopped delivering pictures (unplugged?); waiting for it</source>
        <translation>камера перестала передавати зображення (від&apos;єднано?); очікування</translation>
    </message>
    <message>
        <source>camera capture failed (see the log for details)</source>
        <translation>помилка зйомки камери (подробиці в журналі)</translation>
    </message>
    <message>
        <source>camera back</source>
        <translation>камера знову працює</translation>
    </message>
    <message>
        <source>could not be started (see the log for details)</source>
        <translation>не вдалося запустити (подробиці в журналі)</translation>
    </message>
    <message>
        <source>no permission to open the reader: a technician must fix the user&apos;s groups</source>
        <translation>немає дозволу відкрити зчитувач: технік має виправити групи користувача</translation>
    </message>
    <message>
        <source>the reader is in use by another program (another till?)</source>
        <translation>зчитувач використовує інша програма (інша каса?)</translation>
    </message>
    <message>
        <source>the reader cannot be opened</source>
        <translation>зчитувач не вдається відкрити</translation>
    </message>
    <message>
        <source>This read cannot be used here; please try again.</source>
        <translation>Це зчитане тут не можна використати; спробуйте ще раз.</translation>
    </message>
    <message>
        <source>the reader reported a problem (the technician&apos;s Diagnostics tab shows it)</source>
        <translation>зчитувач повідомив про проблему (див. вкладку «Діагностика» у вікні техніка)</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>PASS</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>УВАГА</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>ПОМИЛКА</translation>
    </message>
    <message>
        <source>SKIP</source>
        <translation>ПРОПУЩЕНО</translation>
    </message>
    <message>
        <source>{failed} check(s) failed.</source>
        <translation>Не пройдено перевірок: {failed}.</translation>
    </message>
    <message>
        <source>{failed} check(s) failed: fix the first one first; the checks after it may depend on it.</source>
        <translation>Не пройдено перевірок: {failed}. Спершу виправте першу; наступні можуть від неї залежати.</translation>
    </message>
    <message>
        <source>No check failed; {warned} warning(s) to read.</source>
        <translation>Жодна перевірка не провалилася; попереджень для перегляду: {warned}.</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>Усі перевірки пройдено.</translation>
    </message>
    <message>
        <source>Till diagnostics at {at}</source>
        <translation>Діагностика каси о {at}</translation>
    </message>
    <message>
        <source>next: {step}</source>
        <translation>далі: {step}</translation>
    </message>
    <message>
        <source>Readers, scanners and cameras</source>
        <translation>Зчитувачі, сканери й камери</translation>
    </message>
    <message>
        <source>Device discovery is not available on this system.</source>
        <translation>Виявлення пристроїв недоступне в цій системі.</translation>
    </message>
    <message>
        <source>The device list could not be read ({detail}).</source>
        <translation>Не вдалося прочитати список пристроїв ({detail}).</translation>
    </message>
    <message>
        <source>Reader {wanted}</source>
        <translation>Зчитувач {wanted}</translation>
    </message>
    <message>
        <source>The configured device {wanted} is not present: unplugged, or another one.</source>
        <translation>Налаштованого пристрою {wanted} немає: від&apos;єднано або це інший пристрій.</translation>
    </message>
    <message>
        <source>Plug the reader in (try another USB port and cable); check the configured path against the list below (till-cardtest doctor --json lists them).</source>
        <translation>Підключіть зчитувач (спробуйте інший USB-порт і кабель); звірте налаштований шлях зі списком нижче (till-cardtest doctor --json їх показує).</translation>
    </message>
    <message>
        <source>{device} is present and opens ({node}).</source>
        <translation>{device} є і відкривається ({node}).</translation>
    </message>
    <message>
        <source>{device} is present but cannot be opened: {message}</source>
        <translation>{device} є, але не відкривається: {message}</translation>
    </message>
    <message>
        <source>Found {inputs} keyboard-like input device(s), {serials} serial port(s), {cameras} camera(s).</source>
        <translation>Знайдено: пристроїв введення як клавіатура — {inputs}, послідовних портів — {serials}, камер — {cameras}.</translation>
    </message>
    <message>
        <source>No card reader, scanner or camera was found on this till, so no card can be swiped or scanned here; only typed phone numbers will work.</source>
        <translation>На цій касі не знайдено зчитувача карток, сканера чи камери, тож картку тут не можна провести чи сканувати; працюватимуть лише введені номери телефонів.</translation>
    </message>
    <message>
        <source>Plug the reader in (try another USB port and cable). If it is plugged in, the till&apos;s user may lack the &apos;input&apos; or &apos;dialout&apos; group (see the README, Hardware setup).</source>
        <translation>Підключіть зчитувач (спробуйте інший USB-порт і кабель). Якщо він підключений, користувачу каси, можливо, бракує групи &apos;input&apos; або &apos;dialout&apos; (див. README, налаштування обладнання).</translation>
    </message>
    <message>
        <source>{summary} The till cannot open {count} of them: {names}</source>
        <translation>{summary} Каса не може відкрити {count} з них: {names}</translation>
    </message>
    <message>
        <source>Add the till&apos;s user to the &apos;{group}&apos; group (sudo usermod -aG {group} $USER, then log in again), or install the udev rule: sudo cp packaging/udev/70-loyalty-till.rules /etc/udev/rules.d/ &amp;&amp; sudo udevadm control --reload &amp;&amp; sudo udevadm trigger.</source>
        <translation>Додайте користувача каси до групи &apos;{group}&apos; (sudo usermod -aG {group} $USER, потім увійдіть знову) або встановіть правило udev: sudo cp packaging/udev/70-loyalty-till.rules /etc/udev/rules.d/ &amp;&amp; sudo udevadm control --reload &amp;&amp; sudo udevadm trigger.</translation>
    </message>
    <message>
        <source>Close the other program using it (another till, a serial terminal), then retry.</source>
        <translation>Закрийте іншу програму, що його використовує (інша каса, послідовний термінал), і спробуйте ще раз.</translation>
    </message>
    <message>
        <source>Unplug and replug the device; if it persists, try another port or cable.</source>
        <translation>Від&apos;єднайте й знову під&apos;єднайте пристрій; якщо не допомагає, спробуйте інший порт чи кабель.</translation>
    </message>
    <message>
        <source>Loyalty backend up</source>
        <translation>Сервер лояльності працює</translation>
    </message>
    <message>
        <source>Skipped: the till is not online.</source>
        <translation>Пропущено: каса не в мережі.</translation>
    </message>
    <message>
        <source>API key enabled</source>
        <translation>API-ключ увімкнено</translation>
    </message>
    <message>
        <source>Skipped: the loyalty backend is not reachable.</source>
        <translation>Пропущено: сервер лояльності недоступний.</translation>
    </message>
    <message>
        <source>Till online</source>
        <translation>Каса в мережі</translation>
    </message>
    <message>
        <source>No loyalty backend address is configured.</source>
        <translation>Адресу сервера лояльності не налаштовано.</translation>
    </message>
    <message>
        <source>Set backend.url in the till&apos;s configuration (till.toml), or pass --backend URL.</source>
        <translation>Задайте backend.url у конфігурації каси (till.toml) або передайте --backend URL.</translation>
    </message>
    <message>
        <source>The backend&apos;s name {host} cannot be looked up: the till is offline or has no working DNS.</source>
        <translation>Ім&apos;я сервера {host} не вдається знайти: каса не в мережі або DNS не працює.</translation>
    </message>
    <message>
        <source>Check the network cable or Wi-Fi and the till&apos;s DNS settings; then run the doctor again.</source>
        <translation>Перевірте мережевий кабель або Wi-Fi і налаштування DNS каси; потім запустіть діагностику знову.</translation>
    </message>
    <message>
        <source>The backend runs on this machine ({host}).</source>
        <translation>Сервер працює на цьому комп&apos;ютері ({host}).</translation>
    </message>
    <message>
        <source>The till has a network route to {host} ({address}).</source>
        <translation>Каса має мережевий маршрут до {host} ({address}).</translation>
    </message>
    <message>
        <source>The till has no network route to {host} ({problems}): it is offline.</source>
        <translation>Каса не має мережевого маршруту до {host} ({problems}): вона не в мережі.</translation>
    </message>
    <message>
        <source>Check the network cable or Wi-Fi, and the till&apos;s IP address and gateway settings.</source>
        <translation>Перевірте мережевий кабель або Wi-Fi, IP-адресу та шлюз каси.</translation>
    </message>
    <message>
        <source>No backend client.</source>
        <translation>Немає клієнта сервера.</translation>
    </message>
    <message>
        <source>answers /v1/health with something that is not the backend&apos;s health report (another service or a proxy on that address?)</source>
        <translation>відповідає на /v1/health чимось, що не є звітом сервера про стан (інша служба чи проксі за цією адресою?)</translation>
    </message>
    <message>
        <source>does not answer on /v1/health (connection refused, timed out or server error)</source>
        <translation>не відповідає на /v1/health (з&apos;єднання відхилено, час очікування минув або помилка сервера)</translation>
    </message>
    <message>
        <source>answers /v1/health with an error ({exc})</source>
        <translation>відповідає на /v1/health помилкою ({exc})</translation>
    </message>
    <message>
        <source>The loyalty backend at {backend_url} {why}.</source>
        <translation>Сервер лояльності за адресою {backend_url} {why}.</translation>
    </message>
    <message>
        <source>Check the backend service is running (till-server serve, or the provider&apos;s status page), that a firewall doesn&apos;t block the port, and that backend.url is right.</source>
        <translation>Перевірте, що служба сервера працює (till-server serve або сторінка стану постачальника), брандмауер не блокує порт, а backend.url правильний.</translation>
    </message>
    <message>
        <source>The loyalty backend answers but reports status {status!r}.</source>
        <translation>Сервер лояльності відповідає, але повідомляє стан {status!r}.</translation>
    </message>
    <message>
        <source>The backend is not healthy: check its log and database, or contact the provider.</source>
        <translation>Сервер несправний: перевірте його журнал і базу даних або зверніться до постачальника.</translation>
    </message>
    <message>
        <source>, version {version}</source>
        <translation>, версія {version}</translation>
    </message>
    <message>
        <source>The loyalty backend at {backend_url} is healthy{suffix}.</source>
        <translation>Сервер лояльності за адресою {backend_url} справний{suffix}.</translation>
    </message>
    <message>
        <source>Check in the loyalty backend that this till&apos;s API key is enabled; if it was revoked, create a new one (till-server create-key --store S --till T) and store it on the till with &apos;till --set-api-key&apos;.</source>
        <translation>Перевірте на сервері лояльності, що API-ключ цієї каси увімкнено; якщо його відкликано, створіть новий (till-server create-key --store S --till T) і збережіть на касі командою &apos;till --set-api-key&apos;.</translation>
    </message>
    <message>
        <source>The till has no API key: {problem}</source>
        <translation>Каса не має API-ключа: {problem}</translation>
    </message>
    <message>
        <source>Store the key with &apos;till --set-api-key&apos; (OS keyring) or a systemd credential.</source>
        <translation>Збережіть ключ командою &apos;till --set-api-key&apos; (сховище ключів ОС) або як облікові дані systemd.</translation>
    </message>
    <message>
        <source>The API key is revoked or wrong: {exc}</source>
        <translation>API-ключ відкликано або він неправильний: {exc}</translation>
    </message>
    <message>
        <source>The session check failed: {exc}</source>
        <translation>Перевірка сеансу не вдалася: {exc}</translation>
    </message>
    <message>
        <source>store {store}</source>
        <translation>магазин {store}</translation>
    </message>
    <message>
        <source>till {till}</source>
        <translation>каса {till}</translation>
    </message>
    <message>
        <source>The API key is accepted{scope}.</source>
        <translation>API-ключ прийнято{scope}.</translation>
    </message>
    <message>
        <source>Card number rules</source>
        <translation>Правила номерів карток</translation>
    </message>
    <message>
        <source>No card number was given.</source>
        <translation>Номер картки не вказано.</translation>
    </message>
    <message>
        <source>Compare with the number printed on the card; if they match, the card does not follow this program&apos;s rules (devices.card_ranges, require_luhn).</source>
        <translation>Порівняйте з номером, надрукованим на картці; якщо збігаються, картка не відповідає правилам цієї програми (devices.card_ranges, require_luhn).</translation>
    </message>
    <message>
        <source>Card number {shown} follows the program&apos;s rules.</source>
        <translation>Номер картки {shown} відповідає правилам програми.</translation>
    </message>
    <message>
        <source>no card number</source>
        <translation>немає номера картки</translation>
    </message>
    <message>
        <source>the backend or the API key check failed</source>
        <translation>перевірка сервера або API-ключа не вдалася</translation>
    </message>
    <message>
        <source>Card known to the backend</source>
        <translation>Картка відома серверу</translation>
    </message>
    <message>
        <source>Skipped: {why}.</source>
        <translation>Пропущено: {why}.</translation>
    </message>
    <message>
        <source>Customer active</source>
        <translation>Клієнт активний</translation>
    </message>
    <message>
        <source>Skipped: no customer was found for this card.</source>
        <translation>Пропущено: для цієї картки клієнта не знайдено.</translation>
    </message>
    <message>
        <source>Card {shown} belongs to customer {customer}.</source>
        <translation>Картка {shown} належить клієнту {customer}.</translation>
    </message>
    <message>
        <source>Customer {id} is active (balance {balance} points).</source>
        <translation>Клієнт {id} активний (баланс {balance} балів).</translation>
    </message>
    <message>
        <source>Customer {id}</source>
        <translation>Клієнт {id}</translation>
    </message>
    <message>
        <source>The card&apos;s customer</source>
        <translation>Клієнт картки</translation>
    </message>
    <message>
        <source>{who} is {status}: an inactive account cannot earn or redeem points.</source>
        <translation>{who}: стан {status}; неактивний обліковий запис не може накопичувати чи витрачати бали.</translation>
    </message>
    <message>
        <source>Reactivate the customer in the loyalty backend (seed 001: check that the customer is active), or issue the customer a new card.</source>
        <translation>Знову активуйте клієнта на сервері лояльності (seed 001: перевірте, що клієнт активний) або видайте клієнту нову картку.</translation>
    </message>
    <message>
        <source>Card {shown} is registered but not attached to a customer yet.</source>
        <translation>Картку {shown} зареєстровано, але ще не прив&apos;язано до клієнта.</translation>
    </message>
    <message>
        <source>Attach it to the customer&apos;s account (enrol the customer at the till with this card).</source>
        <translation>Прив&apos;яжіть її до облікового запису клієнта (зареєструйте клієнта на касі з цією карткою).</translation>
    </message>
    <message>
        <source>No loyalty account has card {shown}.</source>
        <translation>Жоден обліковий запис не має картки {shown}.</translation>
    </message>
    <message>
        <source>Compare the number with the one printed on the card (a misread track?); check the card was registered (till-cardtest batch) and attached to a customer.</source>
        <translation>Порівняйте номер із надрукованим на картці (неправильно зчитана доріжка?); перевірте, що картку зареєстровано (till-cardtest batch) і прив&apos;язано до клієнта.</translation>
    </message>
    <message>
        <source>The card lookup failed: {exc}</source>
        <translation>Пошук картки не вдався: {exc}</translation>
    </message>
    <message>
        <source>Offline journal</source>
        <translation>Офлайн-журнал</translation>
    </message>
    <message>
        <source>The till has no journal yet on this machine.</source>
        <translation>Каса ще не має журналу на цьому комп&apos;ютері.</translation>
    </message>
    <message>
        <source>Journal problem: {detail}.</source>
        <translation>Проблема журналу: {detail}.</translation>
    </message>
    <message>
        <source>The journal cannot be read ({name}: {exc}).</source>
        <translation>Журнал не вдається прочитати ({name}: {exc}).</translation>
    </message>
    <message>
        <source>Stop the till, keep a copy of the journal file, and contact support.</source>
        <translation>Зупиніть касу, збережіть копію файлу журналу та зверніться до підтримки.</translation>
    </message>
    <message>
        <source>{pending} operation(s) waiting to be sent</source>
        <translation>операцій в очікуванні надсилання: {pending}</translation>
    </message>
    <message>
        <source>, the oldest for {duration}</source>
        <translation>, найстаріша — {duration}</translation>
    </message>
    <message>
        <source>{review} operation(s) need a manager&apos;s review; {pending}.</source>
        <translation>операцій, які має перевірити менеджер: {review}; {pending}.</translation>
    </message>
    <message>
        <source>A manager opens the till&apos;s review list and retries or cancels each operation.</source>
        <translation>Менеджер відкриває список перевірки каси й повторює або скасовує кожну операцію.</translation>
    </message>
    <message>
        <source>{pending}, although the backend answers: sending is stuck.</source>
        <translation>{pending}, хоча сервер відповідає: надсилання застрягло.</translation>
    </message>
    <message>
        <source>Look at the till&apos;s sync status and log; restarting the till retries at once.</source>
        <translation>Перегляньте стан синхронізації та журнал каси; перезапуск каси відразу повторює спробу.</translation>
    </message>
    <message>
        <source>{pending}; they are sent when the backend is reachable again.</source>
        <translation>{pending}; їх буде надіслано, щойно сервер знову стане доступним.</translation>
    </message>
    <message>
        <source>{pending}; nothing needs review.</source>
        <translation>{pending}; перевіряти нічого не потрібно.</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} хв</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} дн.</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Принтер чеків</translation>
    </message>
    <message>
        <source>No receipt printer is configured: Ctrl+P saves receipts as PDF files.</source>
        <translation>Принтер чеків не налаштовано: Ctrl+P зберігає чеки у файли PDF.</translation>
    </message>
    <message>
        <source>Set [printer] kind, and its port, host or device, in the till&apos;s configuration.</source>
        <translation>Задайте [printer] kind і порт, хост або пристрій у конфігурації каси.</translation>
    </message>
    <message>
        <source>Check the cable and power of the {where}, and the [printer] settings.</source>
        <translation>Перевірте кабель і живлення: {where}, а також налаштування [printer].</translation>
    </message>
    <message>
        <source>Fix the {where}, then test again.</source>
        <translation>Усуньте проблему ({where}) і перевірте ще раз.</translation>
    </message>
    <message>
        <source>The {where} is online; its paper roll is nearly at its end.</source>
        <translation>{where}: у мережі; рулон паперу майже закінчився.</translation>
    </message>
    <message>
        <source>Put a new roll in soon.</source>
        <translation>Невдовзі вставте новий рулон.</translation>
    </message>
    <message>
        <source>The {where} opens; it does not report its state over this connection.</source>
        <translation>{where}: відкривається; через це з&apos;єднання не повідомляє свій стан.</translation>
    </message>
    <message>
        <source>The {where} is online and has paper.</source>
        <translation>{where}: у мережі, папір є.</translation>
    </message>
</context>
<context>
    <name>Identify</name>
    <message>
        <source>This is a bank card, not a loyalty card. Take the payment on the card terminal, and ask for the loyalty card or the phone number.</source>
        <translation>Це банківська картка, а не картка лояльності. Прийміть оплату на терміналі й попросіть картку лояльності або номер телефону.</translation>
    </message>
    <message>
        <source>That is a product barcode, not a loyalty card.</source>
        <translation>Це штрихкод товару, а не картка лояльності.</translation>
    </message>
    <message>
        <source>The card could not be read. Swipe it again, or type the number printed on the card or the phone number (F2).</source>
        <translation>Не вдалося прочитати картку. Проведіть її ще раз або введіть номер з картки чи номер телефону (F2).</translation>
    </message>
    <message>
        <source>This loyalty account is inactive: it cannot earn or redeem points.</source>
        <translation>Цей рахунок лояльності неактивний: бали не можна ні отримати, ні списати.</translation>
    </message>
    <message>
        <source>That is a receipt: press F12 (Return) to take goods back on it.</source>
        <translation>Це чек: натисніть F12 (Повернення), щоб прийняти повернення товару за ним.</translation>
    </message>
    <message>
        <source>That code is not a loyalty card or phone.</source>
        <translation>Цей код не є ні карткою лояльності, ні номером телефону.</translation>
    </message>
    <message>
        <source>That code is not a loyalty card.</source>
        <translation>Цей код не є карткою лояльності.</translation>
    </message>
    <message>
        <source>The loyalty server cannot be reached and this member is not known at this till yet. Finish the sale without points, or try again when it is back.</source>
        <translation>Сервер лояльності недоступний, а цей учасник ще не відомий цій касі. Завершіть продаж без балів або спробуйте, коли сервер знову працюватиме.</translation>
    </message>
    <message>
        <source>No member has this card. Register a new member (F7)?</source>
        <translation>Жоден учасник не має цієї картки. Зареєструвати нового (F7)?</translation>
    </message>
    <message>
        <source>No member has this phone number. Register a new member (F7)?</source>
        <translation>Жоден учасник не має цього номера. Зареєструвати нового (F7)?</translation>
    </message>
    <message>
        <source>The member could not be looked up.</source>
        <translation>Не вдалося знайти учасника.</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>the operation journal {where} is missing (this till had committed operations up to #{expected} in it)</source>
        <translation>журнал операцій {where} відсутній (ця каса записала в нього операції до №{expected})</translation>
    </message>
    <message>
        <source>the operation journal {where} is empty (0 bytes; this till had committed operations up to #{expected} in it)</source>
        <translation>журнал операцій {where} порожній (0 байтів; ця каса записала в нього операції до №{expected})</translation>
    </message>
    <message>
        <source>the operation journal {where} is not the one this till was writing (journal id {found} instead of {expected}): it was replaced, {lost}</source>
        <translation>журнал операцій {where} — не той, у який писала ця каса (ідентифікатор журналу {found} замість {expected}): його замінено, {lost}</translation>
    </message>
    <message>
        <source>the operation journal {where} ends at operation #{found}, but this till had committed up to #{expected}: operations are missing ({lost})</source>
        <translation>журнал операцій {where} закінчується на операції №{found}, а ця каса записала до №{expected}: операцій бракує ({lost})</translation>
    </message>
    <message>
        <source>the operation journal {where} is missing this till&apos;s latest writes (it ends at operation #{found}, but the generation this till recorded last is not in it): {lost}</source>
        <translation>у журналі операцій {where} бракує останніх записів цієї каси (він закінчується на операції №{found}, але останнього записаного касою покоління в ньому немає): {lost}</translation>
    </message>
    <message>
        <source>the operation journal {where} cannot be read ({error})</source>
        <translation>журнал операцій {where} не вдається прочитати ({error})</translation>
    </message>
    <message>
        <source>the till&apos;s record of its journal ({record}) cannot be read ({error})</source>
        <translation>запис каси про її журнал ({record}) не вдається прочитати ({error})</translation>
    </message>
    <message>
        <source>restored from an older copy, or its write-ahead log (-wal) was lost after a crash</source>
        <translation>відновлено зі старішої копії, або після збою втрачено його файл попереднього запису (-wal)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>Journal problem: {detail}. Sales cannot be completed: call a technician.</source>
        <translation>Проблема журналу: {detail}. Продажі не можна завершити: покличте техніка.</translation>
    </message>
    <message>
        <source>Stop the till and keep every file as it is. Put back the right journal if a copy exists (with its -wal file). If its operations are lost for good, &apos;{command}&apos; starts a new journal and keeps the old files aside.</source>
        <translation>Зупиніть касу й не змінюйте жодного файлу. Якщо є копія правильного журналу, поверніть її (разом із файлом -wal). Якщо його операції втрачено назавжди, &apos;{command}&apos; створить новий журнал, а старі файли відкладе вбік.</translation>
    </message>
    <message>
        <source>Sale not recorded, call a manager ({detail}).</source>
        <translation>Продаж не записано, покличте менеджера ({detail}).</translation>
    </message>
    <message>
        <source>Another till is already running on the journal {where}{who}. Only one till may use a journal: close the other one first.</source>
        <translation>З журналом {where} уже працює інша каса{who}. Журнал може використовувати лише одна каса: спершу закрийте іншу.</translation>
    </message>
    <message>
        <source>This operation is already in the journal with different details: it was not recorded again. Call a manager ({detail}).</source>
        <translation>Ця операція вже є в журналі з іншими даними: її не записано вдруге. Покличте менеджера ({detail}).</translation>
    </message>
    <message>
        <source>This operation is not in the till&apos;s journal ({detail}).</source>
        <translation>Цієї операції немає в журналі каси ({detail}).</translation>
    </message>
    <message>
        <source>This operation was dealt with meanwhile (e.g. sent by the automatic sync) ({detail}).</source>
        <translation>Цю операцію тим часом уже опрацьовано (напр., надіслано автоматичною синхронізацією) ({detail}).</translation>
    </message>
    <message>
        <source>The journal was written by a newer version of the till: update the till software ({detail}).</source>
        <translation>Журнал записано новішою версією каси: оновіть програму каси ({detail}).</translation>
    </message>
    <message>
        <source>The till&apos;s journal cannot be used: call a technician ({detail}).</source>
        <translation>Журналом каси неможливо користуватися: покличте техніка ({detail}).</translation>
    </message>
    <message>
        <source> (process {pid})</source>
        <translation> (процес {pid})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>The receipt appears here when the sale is finished.</source>
        <translation>Чек з&apos;явиться тут, коли продаж завершиться.</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>Друк (Ctrl+P)</translation>
    </message>
    <message>
        <source>Resume sale</source>
        <translation>Продовжити продаж</translation>
    </message>
    <message>
        <source>Void sale (F8)</source>
        <translation>Скасувати (F8)</translation>
    </message>
    <message>
        <source>Manager…</source>
        <translation>Менеджер…</translation>
    </message>
    <message>
        <source>Technician…</source>
        <translation>Технік…</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>&amp;Персонал</translation>
    </message>
    <message>
        <source>That function is not available on this till yet.</source>
        <translation>Ця функція на цій касі ще недоступна.</translation>
    </message>
    <message>
        <source>Backend: checking…</source>
        <translation>Сервер: перевіряємо…</translation>
    </message>
    <message>
        <source>Pending operations: 0</source>
        <translation>Операцій в черзі: 0</translation>
    </message>
    <message>
        <source>● API key refused — call a technician</source>
        <translation>● Ключ API відхилено — покличте техніка</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Онлайн</translation>
    </message>
    <message>
        <source>● Offline — points are kept and sent later</source>
        <translation>● Офлайн — бали надійдуть пізніше</translation>
    </message>
    <message>
        <source>Pending operations: {pending}</source>
        <translation>Операцій в черзі: {pending}</translation>
    </message>
    <message>
        <source>Swipe or scan a loyalty card, or type the member&apos;s phone (F2).</source>
        <translation>Проведіть чи скануйте картку або введіть телефон (F2).</translation>
    </message>
    <message>
        <source>Pay with points (F4)</source>
        <translation>Оплата балами (F4)</translation>
    </message>
    <message>
        <source>Cash (F5)</source>
        <translation>Готівка (F5)</translation>
    </message>
    <message>
        <source>Card terminal (F6)</source>
        <translation>Картка (F6)</translation>
    </message>
    <message>
        <source>Complete sale (F9)</source>
        <translation>Завершити (F9)</translation>
    </message>
    <message>
        <source>Park sale (F11)</source>
        <translation>Відкласти (F11)</translation>
    </message>
    <message>
        <source>New sale (F10)</source>
        <translation>Новий чек (F10)</translation>
    </message>
    <message>
        <source>Manager (Ctrl+M)</source>
        <translation>Менеджер (Ctrl+M)</translation>
    </message>
    <message>
        <source>Technician (Ctrl+T)</source>
        <translation>Технік (Ctrl+T)</translation>
    </message>
    <message>
        <source>&amp;Till</source>
        <extracomment>What F9 takes for the amount still due when nothing else pays it (``complete``).</extracomment>
        <translation>&amp;Каса</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Номер телефону</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Прибрати учасника</translation>
    </message>
    <message>
        <source>Pay with points</source>
        <translation>Оплатити балами</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Готівка</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Картковий термінал</translation>
    </message>
    <message>
        <source>Register member</source>
        <translation>Зареєструвати учасника</translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation>Скасувати продаж</translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation>Завершити продаж</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>Новий продаж</translation>
    </message>
    <message>
        <source>Park sale</source>
        <translation>Відкласти продаж</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Друкувати чек</translation>
    </message>
    <message>
        <source>Reprint last receipt</source>
        <translation>Передрукувати останній чек</translation>
    </message>
    <message>
        <source>Cash and complete (F9)</source>
        <translation>Готівка й завершити (F9)</translation>
    </message>
    <message>
        <source>Retry points payment (F4)</source>
        <translation>Повторити бали (F4)</translation>
    </message>
    <message>
        <source>The card test bench is open: reads go to the bench.</source>
        <translation>Тестування карток відкрите: зчитування йдуть туди.</translation>
    </message>
    <message>
        <source>Finish or close the open dialog first (Esc).</source>
        <translation>Спершу завершіть або закрийте відкрите вікно (Esc).</translation>
    </message>
    <message>
        <source>Looking the member up…</source>
        <translation>Шукаємо учасника…</translation>
    </message>
    <message>
        <source>{name}: offline, last known data. Points earned now are added when the loyalty server is back.</source>
        <translation>{name}: офлайн, останні відомі дані. Бали за цю покупку нарахують, коли сервер лояльності запрацює.</translation>
    </message>
    <message>
        <source>Member: {name}</source>
        <translation>Учасник: {name}</translation>
    </message>
    <message>
        <source>Member removed from the sale.</source>
        <translation>Учасника прибрано з продажу.</translation>
    </message>
    <message>
        <source>{name}: {value} recorded.</source>
        <translation>{name}: {value} записано.</translation>
    </message>
    <message>
        <source>Cash: {value} recorded.</source>
        <translation>Готівка: {value} записано.</translation>
    </message>
    <message>
        <source>Recording the points…</source>
        <translation>Записуємо бали…</translation>
    </message>
    <message>
        <source>Sale parked: it comes back once its points payment is settled. Next customer, please.</source>
        <translation>Продаж відкладено: він повернеться, коли оплату балами буде врегульовано. Наступний покупець, будь ласка.</translation>
    </message>
    <message>
        <source>Payment has started: complete (F9), void (F8) or park (F11) this sale first.</source>
        <translation>Оплата почалася: спершу завершіть (F9), скасуйте (F8) або відкладіть (F11) цей продаж.</translation>
    </message>
    <message>
        <source>Wait: this sale is being finished.</source>
        <translation>Зачекайте: продаж завершується.</translation>
    </message>
    <message>
        <source>New sale. Swipe or scan a loyalty card, or type the member&apos;s phone (F2).</source>
        <translation>Новий продаж. Проведіть чи скануйте картку або введіть телефон (F2).</translation>
    </message>
    <message>
        <source>Sale voided.</source>
        <translation>Продаж скасовано.</translation>
    </message>
    <message>
        <source>Sale completed. Points pending: added when the server is back.</source>
        <translation>Продаж завершено. Бали очікуються: їх нарахують, коли сервер запрацює.</translation>
    </message>
    <message>
        <source>Sale completed. {earned_points} points earned.</source>
        <translation>Продаж завершено. Отримано балів: {earned_points}.</translation>
    </message>
    <message>
        <source>Sale completed.</source>
        <translation>Продаж завершено.</translation>
    </message>
    <message>
        <source>Payment has started: register the member after this sale.</source>
        <translation>Оплата почалася: зареєструйте учасника після цього продажу.</translation>
    </message>
    <message>
        <source>New members can be registered when the loyalty server is back.</source>
        <translation type="vanished">Нових учасників можна буде зареєструвати, коли сервер лояльності запрацює.</translation>
    </message>
    <message>
        <source>Welcome, {name}: registered and added to this sale.</source>
        <translation>Вітаємо, {name}: зареєстровано й додано до цього продажу.</translation>
    </message>
    <message>
        <source>Start a sale first.</source>
        <translation>Спершу почніть продаж.</translation>
    </message>
    <message>
        <source>Trying the points payment again…</source>
        <translation>Повторюємо оплату балами…</translation>
    </message>
    <message>
        <source>Points were already used on this sale.</source>
        <translation>У цьому продажі бали вже використано.</translation>
    </message>
    <message>
        <source>Identify the member first: swipe, scan, or phone (F2).</source>
        <translation>Спершу визначте учасника: картка, сканування або телефон (F2).</translation>
    </message>
    <message>
        <source>This loyalty account is inactive: it cannot redeem points.</source>
        <translation>Цей рахунок лояльності неактивний: бали не можна списати.</translation>
    </message>
    <message>
        <source>The store&apos;s loyalty settings are not loaded yet; try again.</source>
        <translation>Налаштування лояльності магазину ще не завантажено; спробуйте ще раз.</translation>
    </message>
    <message>
        <source>No points can be used: nothing is due, or the balance is empty.</source>
        <translation>Бали не можна використати: нічого сплачувати або баланс порожній.</translation>
    </message>
    <message>
        <source>{points} points paid {value}. Due now: {value2}.</source>
        <translation>{points} балів сплатили {value}. До сплати: {value2}.</translation>
    </message>
    <message>
        <source>The points payment is confirmed.</source>
        <translation>Оплату балами підтверджено.</translation>
    </message>
    <message>
        <source>{message} The points payment is still unconfirmed: retry (F4), park the sale (F11) or pay another way (F5/F6).</source>
        <translation>{message} Оплату балами ще не підтверджено: повторіть (F4), відкладіть продаж (F11) або оплатіть інакше (F5/F6).</translation>
    </message>
    <message>
        <source>There is no open sale to void.</source>
        <translation>Немає відкритого продажу для скасування.</translation>
    </message>
    <message>
        <source>Sale voided. The points are given back when the server is back.</source>
        <translation>Продаж скасовано. Бали повернуть, коли сервер запрацює.</translation>
    </message>
    <message>
        <source>Member: {name} (the loyalty server is back)</source>
        <translation>Учасник: {name} (сервер лояльності знову працює)</translation>
    </message>
    <message>
        <source>The points kept while offline have been added.</source>
        <translation>Бали, збережені в офлайні, нараховано.</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Учасник</translation>
    </message>
    <message>
        <source>No member</source>
        <translation>Без учасника</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Swipe or scan the loyalty card, or type the phone number or the number printed on the card (F2).</source>
        <translation>Проведіть або скануйте картку лояльності чи введіть телефон або номер з картки (F2).</translation>
    </message>
    <message>
        <source>Phone or card number (F2)</source>
        <translation>Телефон або картка (F2)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Знайти</translation>
    </message>
    <message>
        <source>Remove member (F3)</source>
        <translation>Прибрати (F3)</translation>
    </message>
    <message>
        <source>Register (F7)</source>
        <translation>Реєстрація (F7)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(без імені)</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} балів</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активний</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Неактивний</translation>
    </message>
    <message>
        <source>Offline: last known data from {when}</source>
        <translation>Офлайн: останні відомі дані на {when}</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6-значний код</translation>
    </message>
    <message>
        <source>Confirm code (Enter)</source>
        <translation>Підтвердити код (Enter)</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Надіслати ще раз</translation>
    </message>
    <message>
        <source>Manager override (Ctrl+O)</source>
        <translation>Дозвіл менеджера (Ctrl+O)</translation>
    </message>
    <message>
        <source>A new code was sent by SMS to {phone}. Ask the customer for the 6 digits.</source>
        <translation>Новий код надіслано SMS на {phone}. Попросіть у покупця 6 цифр.</translation>
    </message>
    <message>
        <source>A code was sent by SMS to {phone}. Ask the customer for the 6 digits.</source>
        <translation>Код надіслано SMS на {phone}. Попросіть у покупця 6 цифр.</translation>
    </message>
    <message>
        <source>The code has 6 digits.</source>
        <translation>Код має 6 цифр.</translation>
    </message>
    <message>
        <source>Time left: {value}</source>
        <translation>Залишилось: {value}</translation>
    </message>
    <message>
        <source>The code has expired. Send a new code.</source>
        <translation>Термін дії коду минув. Надішліть новий код.</translation>
    </message>
    <message>
        <source>Send again in {wait} s</source>
        <translation>Надіслати ще раз через {wait} с</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Надіслати новий код</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Скасувати (Esc)</translation>
    </message>
    <message>
        <source>The customer has {balance} points (worth {value}). Up to {cap} points ({value2}) can pay for this sale.</source>
        <translation>Покупець має {balance} балів (на {value}). Цей продаж можна оплатити до {cap} балами ({value2}).</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>Бали:</translation>
    </message>
    <message>
        <source>or amount:</source>
        <translation>або сума:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Вартість:</translation>
    </message>
    <message>
        <source>Use the most (Alt+M)</source>
        <translation>Максимум (Alt+M)</translation>
    </message>
    <message>
        <source>Redeem (Enter)</source>
        <translation>Списати (Enter)</translation>
    </message>
    <message>
        <source>The customer&apos;s phone is not available: a manager can approve this redemption. It is recorded with the manager&apos;s name and the reason.</source>
        <translation>Телефон покупця недоступний: менеджер може дозволити це списання. Його буде записано з іменем менеджера та причиною.</translation>
    </message>
    <message>
        <source>e.g. customer&apos;s phone is broken</source>
        <translation>напр. телефон покупця зламаний</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>Менеджер:</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Approve redemption</source>
        <translation>Дозволити списання</translation>
    </message>
    <message>
        <source>{points} points = {value} (the most this sale allows)</source>
        <translation>{points} балів = {value} (максимум для цього продажу)</translation>
    </message>
    <message>
        <source>{points} points = {value}</source>
        <translation>{points} балів = {value}</translation>
    </message>
    <message>
        <source>No code is needed for this store.</source>
        <translation>У цьому магазині код не потрібен.</translation>
    </message>
    <message>
        <source>A code will be sent to the customer&apos;s phone (needed from {value}).</source>
        <translation>На телефон покупця буде надіслано код (потрібен від {value}).</translation>
    </message>
    <message>
        <source>No code needed below {value}.</source>
        <translation>До {value} код не потрібен.</translation>
    </message>
    <message>
        <source>Enter the points (or the amount) to pay with points.</source>
        <translation>Введіть бали (або суму) для оплати балами.</translation>
    </message>
    <message>
        <source>Sending the code…</source>
        <translation>Надсилаємо код…</translation>
    </message>
    <message>
        <source>Enter the points first.</source>
        <translation>Спершу введіть бали.</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s name, PIN and a reason.</source>
        <translation>Введіть ім&apos;я, PIN менеджера та причину.</translation>
    </message>
    <message>
        <source>Redeeming…</source>
        <translation>Списуємо…</translation>
    </message>
    <message>
        <source>The loyalty server did not answer, so the points payment is not confirmed.</source>
        <translation>Сервер лояльності не відповів, тому оплату балами не підтверджено.</translation>
    </message>
    <message>
        <source>{why} Close this and press F4 to try again (it is never charged twice), park the sale (F11), or pay another way (F5/F6).</source>
        <translation>{why} Закрийте це й натисніть F4, щоб спробувати ще раз (двічі не спишеться), відкладіть продаж (F11) або оплатіть інакше (F5/F6).</translation>
    </message>
    <message>
        <source>Something went wrong; the points were not used. Try again.</source>
        <translation>Щось пішло не так; бали не використано. Спробуйте ще раз.</translation>
    </message>
    <message>
        <source>Too many wrong codes: this code is locked. A manager can override (Ctrl+O), or send a new code once it has expired.</source>
        <translation>Забагато неправильних кодів: цей код заблоковано. Менеджер може підтвердити (Ctrl+O), або надішліть новий код, коли цей втратить чинність.</translation>
    </message>
    <message>
        <source>Register a new member</source>
        <translation>Зареєструвати нового учасника</translation>
    </message>
    <message>
        <source>No member has this card or phone. Register the customer:</source>
        <extracomment>Set when the dialog is accepted: registered (``customer`` set) or saved.</extracomment>
        <translation>Жоден учасник не має цієї картки чи телефону. Зареєструйте покупця:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>необов&apos;язково</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Ім&apos;я:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>Card:</source>
        <translation>Картка:</translation>
    </message>
    <message>
        <source>Register (Enter)</source>
        <translation>Зареєструвати (Enter)</translation>
    </message>
    <message>
        <source>The phone number and the name are needed.</source>
        <translation>Потрібні номер телефону та ім&apos;я.</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Реєструємо…</translation>
    </message>
    <message>
        <source>The member could not be registered. Try again.</source>
        <translation>Не вдалося зареєструвати учасника. Спробуйте ще раз.</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Продаж</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Опис</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сума</translation>
    </message>
    <message>
        <source>Enter adds the line</source>
        <translation>Enter додає рядок</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Додати</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Разом:</translation>
    </message>
    <message>
        <source>Loyalty Redemption:</source>
        <translation>Списання балів:</translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation>Сплачено:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>До сплати:</translation>
    </message>
    <message>
        <source>{points} points = {value} (not confirmed yet)</source>
        <translation>{points} балів = {value} (ще не підтверджено)</translation>
    </message>
    <message>
        <source>{points} points = {value} (being reversed)</source>
        <translation>{points} балів = {value} (скасовується)</translation>
    </message>
    <message>
        <source>Completed — change {value}</source>
        <translation>Завершено — решта {value}</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Скасовано</translation>
    </message>
    <message>
        <source>Change {value}</source>
        <translation>Решта {value}</translation>
    </message>
    <message>
        <source>Void the sale</source>
        <translation>Скасувати продаж</translation>
    </message>
    <message>
        <source>Void sale (Enter)</source>
        <translation>Скасувати (Enter)</translation>
    </message>
    <message>
        <source>Keep the sale (Esc)</source>
        <translation>Залишити продаж (Esc)</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>Вкажіть причину.</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s name and PIN.</source>
        <translation>Введіть ім&apos;я та PIN менеджера.</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s PIN.</source>
        <translation>Введіть PIN менеджера.</translation>
    </message>
</context>
<context>
    <name>Manager</name>
    <message>
        <source>Needs a manager&apos;s PIN again: the backend lost it in a restore.</source>
        <extracomment>What the review list says for it (``offline_queue.sync_replies.APPROVAL_LOST``&apos;s words).</extracomment>
        <translation>Знову потрібен PIN-код менеджера: сервер втратив його під час відновлення.</translation>
    </message>
    <message>
        <source>&amp;Approve with PIN…</source>
        <translation>&amp;Підтвердити PIN-кодом…</translation>
    </message>
    <message>
        <source>Approved again: it will be sent again now.</source>
        <translation>Підтверджено знову: зараз буде надіслано ще раз.</translation>
    </message>
    <message>
        <source>The member&apos;s points were spent again after the backup.</source>
        <extracomment>The journal&apos;s own review codes (``offline_queue.sync_replies._OWN_MESSAGES``), worded here: they are not the backend&apos;s, so :mod:`till.backend_words` does not know them.</extracomment>
        <translation>Бали учасника були знову витрачені після резервної копії.</translation>
    </message>
    <message>
        <source>Approve again</source>
        <translation>Підтвердити знову</translation>
    </message>
    <message>
        <source>{what} needs a manager&apos;s PIN again: the backend lost it in a restore. Approving sends it again, once.</source>
        <translation>{what} знову потребує PIN-коду менеджера: сервер втратив його під час відновлення. Підтвердження надішле операцію ще раз, один раз.</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>Менеджер:</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Approve and send (Enter)</source>
        <translation>Підтвердити й надіслати (Enter)</translation>
    </message>
    <message>
        <source>Not now (Esc)</source>
        <translation>Не зараз (Esc)</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s PIN (4-8 digits).</source>
        <translation>Введіть PIN-код менеджера (4–8 цифр).</translation>
    </message>
    <message>
        <source>Loyalty Till — Manager</source>
        <translation>Каса лояльності — менеджер</translation>
    </message>
    <message>
        <source>Close and &amp;lock</source>
        <translation>Закрити й &amp;заблокувати</translation>
    </message>
    <message>
        <source>OTP &amp;policy</source>
        <translation>&amp;Правила кодів</translation>
    </message>
    <message>
        <source>&amp;Missed points</source>
        <translation>П&amp;ропущені бали</translation>
    </message>
    <message>
        <source>Re&amp;view list</source>
        <translation>Список на п&amp;еревірку</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Налаштування</translation>
    </message>
    <message>
        <source>End of s&amp;hift</source>
        <translation>Кінець з&amp;міни</translation>
    </message>
    <message>
        <source>Campai&amp;gns</source>
        <translation>&amp;Акції</translation>
    </message>
    <message>
        <source>Manager: {staff}</source>
        <translation>Менеджер: {staff}</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Нд</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Акція</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Від</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>До</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Для</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>Дає</translation>
    </message>
    <message>
        <source>Points this shift</source>
        <translation>Бали за зміну</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>щодня</translation>
    </message>
    <message>
        <source>Campaigns running or planned, and the points each gave on this till&apos;s sales since the start of the store&apos;s day.</source>
        <translation>Поточні та заплановані акції й бали, які кожна дала за продажі цієї каси від початку дня магазину.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Оновити</translation>
    </message>
    <message>
        <source>Loading the campaigns…</source>
        <translation>Завантажуємо акції…</translation>
    </message>
    <message>
        <source>{value} campaign(s).</source>
        <translation>Акцій: {value}.</translation>
    </message>
    <message>
        <source>Not available.</source>
        <translation>Недоступно.</translation>
    </message>
    <message>
        <source>The loyalty server can&apos;t be reached: the campaigns as this till last downloaded them ({value}).</source>
        <translation>Сервер лояльності недоступний: акції, як їх востаннє завантажила ця каса ({value}).</translation>
    </message>
    <message>
        <source>Points given by campaigns this shift at this till: {total}</source>
        <translation>Бали від акцій за цю зміну на цій касі: {total}</translation>
    </message>
    <message>
        <source>{value!r} cannot be written to the configuration</source>
        <translation>{value!r} не можна записати в конфігурацію</translation>
    </message>
    <message>
        <source>{kind} values cannot be written to the configuration</source>
        <translation>Значення типу {kind} не можна записати в конфігурацію</translation>
    </message>
    <message>
        <source>{path}: not valid TOML ({exc}); fix or remove it first</source>
        <translation>{path}: недійсний TOML ({exc}); спершу виправте або видаліть</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сума</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Бали</translation>
    </message>
    <message>
        <source>Nothing was changed: the earlier allocation was not reversed ({problem}).</source>
        <translation>Нічого не змінено: попереднє нарахування не скасовано ({problem}).</translation>
    </message>
    <message>
        <source>Saved on this till: the loyalty server cannot be reached now. The points will be moved to {target} when it is back.</source>
        <translation>Збережено на цій касі: сервер лояльності зараз недоступний. Бали перейдуть до {target}, коли він запрацює.</translation>
    </message>
    <message>
        <source>Done: the wrong allocation was reversed and {points} points given to {target}.</source>
        <translation>Готово: помилкове нарахування скасовано, {points} балів нараховано {target}.</translation>
    </message>
    <message>
        <source>The wrong allocation was reversed; giving the points to {target} is saved on this till and will be sent when the server is back.</source>
        <translation>Помилкове нарахування скасовано; нарахування для {target} збережено на цій касі й буде надіслано, коли сервер запрацює.</translation>
    </message>
    <message>
        <source>The wrong allocation was reversed, but the points could not be given to {target}: {problem}. Add them with the form above.</source>
        <translation>Помилкове нарахування скасовано, але бали не вдалося нарахувати {target}: {problem}. Додайте їх формою вище.</translation>
    </message>
    <message>
        <source>Customer who got them by mistake</source>
        <translation>Покупець, який отримав їх помилково</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>З&amp;найти</translation>
    </message>
    <message>
        <source>Why, e.g. &apos;points given to the wrong phone number&apos;</source>
        <translation>Чому, напр. «бали нараховано на інший номер»</translation>
    </message>
    <message>
        <source>M&amp;ove points to the customer above</source>
        <translation>П&amp;еренести бали покупцю вище</translation>
    </message>
    <message>
        <source>Correct a wrong allocation</source>
        <translation>Виправити помилкове нарахування</translation>
    </message>
    <message>
        <source>Reaso&amp;n</source>
        <translation>При&amp;чина</translation>
    </message>
    <message>
        <source>Choose the transaction to move, give a reason, then Move.</source>
        <translation>Виберіть транзакцію, вкажіть причину й натисніть «Перенести».</translation>
    </message>
    <message>
        <source>This customer has no transaction whose points can be moved.</source>
        <translation>Цей покупець не має транзакції, бали якої можна перенести.</translation>
    </message>
    <message>
        <source>Find the customer who should get the points first (above).</source>
        <translation>Спершу знайдіть покупця, якому належать бали (вище).</translation>
    </message>
    <message>
        <source>Find the customer who got the points and choose the transaction.</source>
        <translation>Знайдіть покупця, який отримав бали, і виберіть транзакцію.</translation>
    </message>
    <message>
        <source>The points are already with this customer: choose another customer above.</source>
        <translation>Бали вже в цього покупця: виберіть іншого вище.</translation>
    </message>
    <message>
        <source>The customer above is inactive: they cannot earn points.</source>
        <translation>Покупець вище неактивний: він не може отримувати бали.</translation>
    </message>
    <message>
        <source>Give a reason for the correction.</source>
        <translation>Вкажіть причину виправлення.</translation>
    </message>
    <message>
        <source>This transaction has no amount to re-allocate.</source>
        <translation>Ця транзакція не має суми для перенесення.</translation>
    </message>
    <message>
        <source>Moving…</source>
        <translation>Переносимо…</translation>
    </message>
    <message>
        <source>Phone number, email, app id or card number</source>
        <extracomment>(label, lookup keyword of BackendClient.lookup)</extracomment>
        <translation>Телефон, e-mail, ID застосунку або номер картки</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Знайти</translation>
    </message>
    <message>
        <source>No customer chosen yet.</source>
        <translation>Покупця ще не вибрано.</translation>
    </message>
    <message>
        <source>Type what to search for.</source>
        <translation>Введіть, що шукати.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Шукаємо…</translation>
    </message>
    <message>
        <source>The manager area is closed: sign in again.</source>
        <translation>Розділ менеджера закрито: увійдіть знову.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this manager is locked for 15 minutes.</source>
        <translation>Забагато неправильних PIN: цього менеджера заблоковано на 15 хвилин.</translation>
    </message>
    <message>
        <source>The name or PIN is not right.</source>
        <translation>Ім&apos;я або PIN неправильні.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Manager sign-in&lt;/b&gt;</source>
        <translation>&lt;b&gt;Вхід менеджера&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Manager name</source>
        <translation>Ім&apos;я менеджера</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Розблокувати</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Ім&apos;я</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s name and PIN.</source>
        <translation>Введіть ім&apos;я та PIN менеджера.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN має від 4 до 8 цифр.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Перевіряємо…</translation>
    </message>
    <message>
        <source>Only a manager can open the manager area. {name} is signed up as {role}.</source>
        <translation>Лише менеджер може відкрити цей розділ. {name} має роль {role}.</translation>
    </message>
    <message>
        <source>Signed in as {staff}.</source>
        <translation>Ви увійшли як {staff}.</translation>
    </message>
    <message>
        <source>Done: {points} points given to {customer}. New balance {balance}.</source>
        <translation>Готово: {points} балів нараховано {customer}. Новий баланс {balance}.</translation>
    </message>
    <message>
        <source>Done: {points} points given to {customer}.</source>
        <translation>Готово: {points} балів нараховано {customer}.</translation>
    </message>
    <message>
        <source>Saved on this till: the loyalty server cannot be reached now. The points will be given when it is back (see pending operations).</source>
        <translation>Збережено на цій касі: сервер лояльності зараз недоступний. Бали нарахують, коли він запрацює (див. операції в черзі).</translation>
    </message>
    <message>
        <source>Not done: {problem}</source>
        <translation>Не виконано: {problem}</translation>
    </message>
    <message>
        <source>Customer to credit</source>
        <translation>Покупець для нарахування</translation>
    </message>
    <message>
        <source>As printed on the receipt</source>
        <translation>Як надруковано на чеку</translation>
    </message>
    <message>
        <source>Points: —</source>
        <translation>Бали: —</translation>
    </message>
    <message>
        <source>&amp;Create transaction</source>
        <translation>&amp;Створити транзакцію</translation>
    </message>
    <message>
        <source>From this till&apos;s sal&amp;es</source>
        <translation>З &amp;продажів цієї каси</translation>
    </message>
    <message>
        <source>&amp;Receipt number</source>
        <translation>&amp;Номер чека</translation>
    </message>
    <message>
        <source>&amp;Date and time</source>
        <translation>&amp;Дата й час</translation>
    </message>
    <message>
        <source>S&amp;tore</source>
        <translation>&amp;Магазин</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Сума</translation>
    </message>
    <message>
        <source>Add missed points</source>
        <translation>Додати пропущені бали</translation>
    </message>
    <message>
        <source>(this till&apos;s sales are not available: type the receipt)</source>
        <translation>(продажі цієї каси недоступні: введіть чек)</translation>
    </message>
    <message>
        <source>(type the receipt below)</source>
        <translation>(введіть чек нижче)</translation>
    </message>
    <message>
        <source>(this till&apos;s sales could not be read: type the receipt)</source>
        <translation>(не вдалося прочитати продажі цієї каси: введіть чек)</translation>
    </message>
    <message>
        <source>Points: {points}</source>
        <translation>Бали: {points}</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Створюємо…</translation>
    </message>
    <message>
        <source>When the first box is ticked, redeeming points worth at least the minimum value needs the code sent to the customer&apos;s phone. A minimum of 0.00 means always.</source>
        <translation>Якщо перший прапорець увімкнено, списання балів на суму від мінімальної потребує коду, надісланого на телефон покупця. Мінімум 0.00 означає: завжди.</translation>
    </message>
    <message>
        <source>&amp;OTP is mandatory to redeem loyalty</source>
        <translation>&amp;Код (OTP) обов&apos;язковий для списання балів</translation>
    </message>
    <message>
        <source>S&amp;ave policy</source>
        <translation>З&amp;берегти правила</translation>
    </message>
    <message>
        <source>M&amp;inimum value of OTP based redeem</source>
        <translation>М&amp;інімальна сума списання з кодом</translation>
    </message>
    <message>
        <source>Loading the store&apos;s policy…</source>
        <translation>Завантажуємо правила магазину…</translation>
    </message>
    <message>
        <source>The minimum value must be an amount of 0.00 or more, like 5.00.</source>
        <translation>Мінімальна сума має бути 0.00 або більше, наприклад 5.00.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Зберігаємо…</translation>
    </message>
    <message>
        <source>Saved. {value}</source>
        <translation>Збережено. {value}</translation>
    </message>
    <message>
        <source>Now: no code is asked when points are redeemed.</source>
        <translation>Зараз: під час списання код не запитується.</translation>
    </message>
    <message>
        <source>Now: every redemption needs the customer&apos;s code.</source>
        <translation>Зараз: кожне списання потребує коду покупця.</translation>
    </message>
    <message>
        <source>Now: redemptions worth {amount} or more need the customer&apos;s code.</source>
        <translation>Зараз: списання від {amount} потребують коду покупця.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Покупець</translation>
    </message>
    <message>
        <source>Amount / points</source>
        <translation>Сума / бали</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Причина відмови</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Давність</translation>
    </message>
    <message>
        <source>No reason was recorded.</source>
        <translation>Причину не записано.</translation>
    </message>
    <message>
        <source>Operations the loyalty server refused. Retry after fixing the cause; Cancel gives the operation up (it stays in the till&apos;s journal as cancelled).</source>
        <extracomment>op_id -&gt; why Retry is not allowed for it (redemptions whose sale no longer waits).</extracomment>
        <translation>Операції, які відхилив сервер лояльності. Повторіть, усунувши причину; «Скасувати» відмовляється від операції (вона лишається в журналі каси як скасована).</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Оновити</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <source>&amp;Cancel operation…</source>
        <translation>&amp;Скасувати операцію…</translation>
    </message>
    <message>
        <source>Refused operations to review: {n}.</source>
        <translation>Відхилених операцій на перевірку: {n}.</translation>
    </message>
    <message>
        <source>Nothing to review: the server accepted every operation.</source>
        <translation>Нічого перевіряти: сервер прийняв усі операції.</translation>
    </message>
    <message>
        <source>&amp;Cancel on the backend…</source>
        <translation>&amp;Скасувати на сервері…</translation>
    </message>
    <message>
        <source>&amp;Yes, cancel it</source>
        <translation>&amp;Так, скасувати</translation>
    </message>
    <message>
        <source>&amp;No, keep it</source>
        <translation>&amp;Ні, залишити</translation>
    </message>
    <message>
        <source>Kept: nothing was cancelled.</source>
        <translation>Залишено: нічого не скасовано.</translation>
    </message>
    <message>
        <source>This till can&apos;t cancel a redemption on the backend here.</source>
        <translation>Ця каса не може тут скасувати списання на сервері.</translation>
    </message>
    <message>
        <source>Cancelling on the loyalty server…</source>
        <translation>Скасовуємо на сервері лояльності…</translation>
    </message>
    <message>
        <source>Restart the till to apply device and backend address changes.</source>
        <translation>Перезапустіть касу, щоб застосувати зміни пристроїв і адреси сервера.</translation>
    </message>
    <message>
        <source>&amp;Keyboard-wedge readers</source>
        <extracomment>(field, label) of the device settings shown here; other device keys are kept as they are.</extracomment>
        <translation>&amp;Зчитувачі-клавіатури</translation>
    </message>
    <message>
        <source>Scanner keyboard la&amp;yout</source>
        <translation>&amp;Розкладка клавіатури сканера</translation>
    </message>
    <message>
        <source>Scanner &amp;terminator</source>
        <translation>&amp;Завершальний символ сканера</translation>
    </message>
    <message>
        <source>Serial po&amp;rt</source>
        <translation>Послідовний п&amp;орт</translation>
    </message>
    <message>
        <source>Serial &amp;baud rate</source>
        <translation>&amp;Швидкість порту</translation>
    </message>
    <message>
        <source>Serial &amp;framing</source>
        <translation>&amp;Формат кадру порту</translation>
    </message>
    <message>
        <source>Serial termi&amp;nator</source>
        <translation>Завершальний символ п&amp;орту</translation>
    </message>
    <message>
        <source>&amp;Camera</source>
        <translation>&amp;Камера</translation>
    </message>
    <message>
        <source>Barcode &amp;decoder</source>
        <translation>&amp;Декодер штрихкодів</translation>
    </message>
    <message>
        <source>Member &amp;QR prefix</source>
        <translation>Префікс &amp;QR учасника</translation>
    </message>
    <message>
        <source>comma-separated /dev/input/by-id/… paths or VID:PID, empty: none</source>
        <translation>шляхи /dev/input/by-id/… або VID:PID через кому, порожньо: немає</translation>
    </message>
    <message>
        <source>e.g. /dev/ttyUSB0, empty: none</source>
        <translation>напр. /dev/ttyUSB0, порожньо: немає</translation>
    </message>
    <message>
        <source>index (0), /dev/video0, file or stream URL; empty: none</source>
        <translation>індекс (0), /dev/video0, файл або URL потоку; порожньо: немає</translation>
    </message>
    <message>
        <source>empty: the built-in demo backend</source>
        <translation>порожньо: вбудований демо-сервер</translation>
    </message>
    <message>
        <source>Stored API key: checking…</source>
        <translation>Збережений ключ API: перевіряємо…</translation>
    </message>
    <message>
        <source>New API key (leave empty to keep the stored one)</source>
        <translation>Новий ключ API (залиште порожнім, щоб зберегти наявний)</translation>
    </message>
    <message>
        <source>Store key &amp;in keyring</source>
        <translation>Зберегти ключ у &amp;сховищі</translation>
    </message>
    <message>
        <source>Test c&amp;onnection</source>
        <translation>Перевірити &amp;з&apos;єднання</translation>
    </message>
    <message>
        <source>Loyalty backend</source>
        <translation>Сервер лояльності</translation>
    </message>
    <message>
        <source>Backend &amp;URL</source>
        <translation>&amp;URL сервера</translation>
    </message>
    <message>
        <source>New &amp;API key</source>
        <translation>Новий &amp;ключ API</translation>
    </message>
    <message>
        <source>Card and code readers</source>
        <translation>Зчитувачі карток і кодів</translation>
    </message>
    <message>
        <source>Sav&amp;e settings</source>
        <translation>З&amp;берегти налаштування</translation>
    </message>
    <message>
        <source>The serial baud rate must be a whole number, like 9600.</source>
        <translation>Швидкість порту має бути цілим числом, наприклад 9600.</translation>
    </message>
    <message>
        <source>Stored API key: {masked}</source>
        <translation>Збережений ключ API: {masked}</translation>
    </message>
    <message>
        <source>Stored API key: none ({value})</source>
        <translation>Збережений ключ API: немає ({value})</translation>
    </message>
    <message>
        <source>The backend URL must start with http:// or https://.</source>
        <translation>URL сервера має починатися з http:// або https://.</translation>
    </message>
    <message>
        <source>Saved to {path}. {RESTART_NOTE}</source>
        <translation>Збережено в {path}. {RESTART_NOTE}</translation>
    </message>
    <message>
        <source>The settings could not be saved to {path}: {exc}</source>
        <translation>Не вдалося зберегти налаштування в {path}: {exc}</translation>
    </message>
    <message>
        <source>Type the new API key first.</source>
        <translation>Спершу введіть новий ключ API.</translation>
    </message>
    <message>
        <source>API key {masked} stored in the OS keyring.</source>
        <translation>Ключ API {masked} збережено у сховищі ключів ОС.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>З&apos;єднуємося…</translation>
    </message>
    <message>
        <source>Connected: store {store}, till {till}.</source>
        <translation>З&apos;єднано: магазин {store}, каса {till}.</translation>
    </message>
    <message>
        <source>No connection: {value}</source>
        <translation>Немає з&apos;єднання: {value}</translation>
    </message>
    <message>
        <source>Loyalty end-of-shift summary</source>
        <translation>Підсумок зміни (лояльність)</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>&amp;Показати</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;Друк…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF</source>
        <translation>Зберегти як P&amp;DF</translation>
    </message>
    <message>
        <source>Save as te&amp;xt</source>
        <translation>Зберегти як &amp;текст</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Від</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;До</translation>
    </message>
    <message>
        <source>Adding up…</source>
        <translation>Підраховуємо…</translation>
    </message>
    <message>
        <source>Could not save {target}: {strerror}</source>
        <translation>Не вдалося зберегти {target}: {strerror}</translation>
    </message>
    <message>
        <source>Saved {target}</source>
        <translation>Збережено {target}</translation>
    </message>
    <message>
        <source>Could not save {target}.</source>
        <translation>Не вдалося зберегти {target}.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Надіслано на принтер.</translation>
    </message>
    <message>
        <source>Earn</source>
        <translation>Нарахування</translation>
    </message>
    <message>
        <source>Redemption</source>
        <translation>Списання</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Сторно</translation>
    </message>
    <message>
        <source>Missed points</source>
        <translation>Пропущені бали</translation>
    </message>
    <message>
        <source>Points claimed with a receipt code</source>
        <translation>Бали за кодом чека</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Повернення</translation>
    </message>
    <message>
        <source>Table order paid</source>
        <translation>Замовлення столу оплачено</translation>
    </message>
    <message>
        <source>Table order cancelled</source>
        <translation>Замовлення столу скасовано</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Новий учасник</translation>
    </message>
    <message>
        <source>Other operation</source>
        <translation>Інша операція</translation>
    </message>
    <message>
        <source>order {order}</source>
        <translation>замовлення {order}</translation>
    </message>
    <message>
        <source>phone {phone}</source>
        <translation>телефон {phone}</translation>
    </message>
    <message>
        <source>customer {customer}</source>
        <translation>клієнт {customer}</translation>
    </message>
    <message>
        <source>account {account}</source>
        <translation>рахунок {account}</translation>
    </message>
    <message>
        <source>{amount} (receipt {receipt})</source>
        <translation>{amount} (чек {receipt})</translation>
    </message>
    <message>
        <source>all of receipt {receipt}</source>
        <translation>увесь чек {receipt}</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} балів</translation>
    </message>
    <message>
        <source>transaction {transaction}</source>
        <translation>операція {transaction}</translation>
    </message>
    <message>
        <source>receipt {receipt}</source>
        <translation>чек {receipt}</translation>
    </message>
    <message>
        <source>This redemption can&apos;t be sent again: its sale no longer waits for it (it was paid another way, voided, or is being cancelled). Cancel it on the backend instead.</source>
        <translation>Це списання балів не можна надіслати повторно: його продаж більше на нього не чекає (його оплачено інакше, скасовано або зараз скасовується). Натомість скасуйте його на сервері лояльності.</translation>
    </message>
    <message>
        <source>The loyalty server cannot be reached.</source>
        <translation>Сервер лояльності недоступний.</translation>
    </message>
    <message>
        <source>This operation was dealt with meanwhile (e.g. sent by the automatic sync).</source>
        <translation>Цю операцію вже опрацьовано (наприклад, надіслано автоматичною синхронізацією).</translation>
    </message>
    <message>
        <source>The till&apos;s journal could not record this: {why} Call a technician.</source>
        <translation>Журнал каси не зміг це записати: {why} Викличте техніка.</translation>
    </message>
    <message>
        <source>Something went wrong; the details are in the till&apos;s log.</source>
        <translation>Щось пішло не так; подробиці в журналі каси.</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>That is not a phone number for {country}</source>
        <translation>Це не номер телефону країни {country}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The receipt printer is offline: check its cover and power.</source>
        <translation>Принтер чеків не в мережі: перевірте кришку та живлення.</translation>
    </message>
    <message>
        <source>The receipt printer is out of paper: put in a new roll.</source>
        <translation>У принтері чеків закінчився папір: вставте новий рулон.</translation>
    </message>
    <message>
        <source>printer.{key} must be a hex id like 04b8, not {value}</source>
        <translation>printer.{key} має бути шістнадцятковим ідентифікатором, як-от 04b8, а не {value}</translation>
    </message>
    <message>
        <source>No receipt printer is set up on this till.</source>
        <translation>На цій касі не налаштовано принтер чеків.</translation>
    </message>
    <message>
        <source>The receipt printer ({printer}) does not answer: check that it is switched on and plugged in.</source>
        <translation>Принтер чеків ({printer}) не відповідає: перевірте, чи він увімкнений і під&apos;єднаний.</translation>
    </message>
    <message>
        <source>The receipt printer ({printer}) stopped answering while printing: check it, then reprint the last receipt.</source>
        <translation>Принтер чеків ({printer}) перестав відповідати під час друку: перевірте його й надрукуйте останній чек ще раз.</translation>
    </message>
    <message>
        <source>receipt {number}</source>
        <translation>чек {number}</translation>
    </message>
    <message>
        <source>the receipt</source>
        <translation>чек</translation>
    </message>
    <message>
        <source>{points} points added for {which}. New balance: {balance} points.</source>
        <translation>Нараховано {points} балів за {which}. Новий баланс: {balance} балів.</translation>
    </message>
    <message>
        <source>Claim of {which} recorded: the points are added when the loyalty server is back.</source>
        <translation>Заявку на {which} збережено: бали буде нараховано, коли сервер лояльності знову працюватиме.</translation>
    </message>
    <message>
        <source>Points were already given for {which}.</source>
        <translation>За {which} бали вже нараховано.</translation>
    </message>
    <message>
        <source>This receipt is too old to be claimed now.</source>
        <translation>Цей чек застарий, щоб отримати за нього бали.</translation>
    </message>
    <message>
        <source>This receipt&apos;s code is not valid: it was not printed by our tills.</source>
        <translation>Код цього чека недійсний: його надрукувала не наша каса.</translation>
    </message>
    <message>
        <source>The claim of {which} was refused.</source>
        <translation>Заявку на {which} відхилено.</translation>
    </message>
    <message>
        <source>*** COPY ***</source>
        <translation>*** КОПІЯ ***</translation>
    </message>
    <message>
        <source>Receipt {number} printed.</source>
        <translation>Чек {number} надруковано.</translation>
    </message>
    <message>
        <source>{problem} The sale is not affected.</source>
        <translation>{problem} На продаж це не впливає.</translation>
    </message>
    <message>
        <source>The receipt could not be printed (see the log). The sale is not affected.</source>
        <translation>Не вдалося надрукувати чек (див. журнал). На продаж це не впливає.</translation>
    </message>
    <message>
        <source>No receipt to reprint yet on this till.</source>
        <translation>На цій касі ще немає чека для повторного друку.</translation>
    </message>
    <message>
        <source>This is a receipt&apos;s points code: identify the member first (card, code or phone), then scan it again.</source>
        <translation>Це код балів з чека: спершу визначте учасника (картка, код або телефон), потім скануйте ще раз.</translation>
    </message>
    <message>
        <source>Adding the points of receipt {number} for {name}…</source>
        <translation>Нараховуємо бали за чек {number} для {name}…</translation>
    </message>
    <message>
        <source>The receipt could not be claimed: call a manager.</source>
        <translation>Не вдалося отримати бали за чек: покличте менеджера.</translation>
    </message>
    <message>
        <source>That is not a receipt claim key: {exc}</source>
        <translation>Це не ключ чеків: {exc}</translation>
    </message>
    <message>
        <source>No OS keyring is available to store the claim key in</source>
        <translation>Немає сховища ключів ОС, щоб зберегти ключ чеків</translation>
    </message>
    <message>
        <source>The OS keyring ({value}) stores secrets in plain text; refusing it.</source>
        <translation>Сховище ключів ОС ({value}) зберігає секрети відкритим текстом; відхилено.</translation>
    </message>
    <message>
        <source>{path}: not valid TOML ({exc}); fix or remove it first</source>
        <translation type="vanished">{path}: недійсний TOML ({exc}); спершу виправте або видаліть</translation>
    </message>
    <message>
        <source>Printer host (network)</source>
        <translation>Хост принтера (мережа)</translation>
    </message>
    <message>
        <source>Printer port (network, 9100)</source>
        <translation>Порт принтера (мережа, 9100)</translation>
    </message>
    <message>
        <source>Printer serial port</source>
        <translation>Послідовний порт принтера</translation>
    </message>
    <message>
        <source>Printer baud rate</source>
        <translation>Швидкість порту принтера</translation>
    </message>
    <message>
        <source>USB vendor id (hex)</source>
        <translation>USB ID виробника (hex)</translation>
    </message>
    <message>
        <source>USB product id (hex)</source>
        <translation>USB ID продукту (hex)</translation>
    </message>
    <message>
        <source>Printer device file</source>
        <translation>Файл пристрою принтера</translation>
    </message>
    <message>
        <source>python-escpos profile</source>
        <translation>профіль python-escpos</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Принтер чеків</translation>
    </message>
    <message>
        <source>Printer kind</source>
        <translation>Тип принтера</translation>
    </message>
    <message>
        <source>Paper width (mm)</source>
        <translation>Ширина паперу (мм)</translation>
    </message>
    <message>
        <source>Save printer</source>
        <translation>Зберегти принтер</translation>
    </message>
    <message>
        <source>Print test receipt</source>
        <translation>Друкувати тестовий чек</translation>
    </message>
    <message>
        <source>The printer&apos;s {value} must be a number.</source>
        <translation>Параметр принтера «{value}» має бути числом.</translation>
    </message>
    <message>
        <source>Printer saved to {path}: used from the till&apos;s next start.</source>
        <translation>Принтер збережено в {path}: діятиме з наступного запуску каси.</translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>Не збережено: {problem}</translation>
    </message>
    <message>
        <source>Printing a test receipt on the {value}…</source>
        <translation>Друкуємо тестовий чек на: {value}…</translation>
    </message>
    <message>
        <source>Not printed: {problem}</source>
        <translation>Не надруковано: {problem}</translation>
    </message>
    <message>
        <source>Test receipt printed.</source>
        <translation>Тестовий чек надруковано.</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Receipt {number}</source>
        <translation>Чек {number}</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>РАЗОМ</translation>
    </message>
    <message>
        <source>Points payment {points} pt</source>
        <translation>Оплата балами {points}</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Решта</translation>
    </message>
    <message>
        <source>*** SALE VOIDED ***</source>
        <translation>*** ПРОДАЖ СКАСОВАНО ***</translation>
    </message>
    <message>
        <source>Points given back: {points}</source>
        <translation>Бали повернуто: {points}</translation>
    </message>
    <message>
        <source>Collect {points} points: scan this code at the till or with your phone</source>
        <translation>Отримайте {points} балів: скануйте цей код на касі або телефоном</translation>
    </message>
    <message>
        <source>Collect your points: scan this code at the till or with your phone</source>
        <translation>Отримайте бали: скануйте цей код на касі або телефоном</translation>
    </message>
    <message>
        <source>Valid for {days} days</source>
        <translation>Дійсний {days} днів</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Дякуємо!</translation>
    </message>
    <message>
        <source>Member: {name} ({phone})</source>
        <translation>Учасник: {name} ({phone})</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>Бали списано</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Бали отримано</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>очікується</translation>
    </message>
    <message>
        <source>(points pending: they will be added when the loyalty server is back)</source>
        <translation>(бали очікуються: їх нарахують, коли сервер лояльності знову працюватиме)</translation>
    </message>
    <message>
        <source>New balance</source>
        <translation>Новий баланс</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} балів</translation>
    </message>
    <message>
        <source>Next expiry</source>
        <translation>Найближче згоряння</translation>
    </message>
    <message>
        <source>{points} pt on {day}</source>
        <translation>{points} б. {day}</translation>
    </message>
    <message>
        <source>Loyalty Redemption {points} pt</source>
        <translation>Списання балів {points}</translation>
    </message>
    <message>
        <source>Points redeemed: {points}</source>
        <translation>Бали списано: {points}</translation>
    </message>
    <message>
        <source>Points earned: {points}</source>
        <translation>Бали отримано: {points}</translation>
    </message>
    <message>
        <source>Points earned: pending</source>
        <translation>Бали отримано: очікується</translation>
    </message>
    <message>
        <source>(points pending: they will be added</source>
        <translation type="vanished">(бали очікуються: їх нарахують,</translation>
    </message>
    <message>
        <source> when the loyalty server is back)</source>
        <translation type="vanished"> коли сервер знову працюватиме)</translation>
    </message>
    <message>
        <source>New balance: {points} points</source>
        <translation>Новий баланс: {points} балів</translation>
    </message>
    <message>
        <source>New balance: points pending</source>
        <translation>Новий баланс: бали очікуються</translation>
    </message>
    <message>
        <source>{n} point expires on {day}</source>
        <translation>{day} згорає балів: {n}</translation>
    </message>
    <message>
        <source>{n} points expire on {day}</source>
        <translation>{day} згорає балів: {n}</translation>
    </message>
</context>
<context>
    <name>Registration</name>
    <message>
        <source>Saved: the member will be registered when the till is back online.</source>
        <translation>Збережено: учасника буде зареєстровано, щойно каса знову буде онлайн.</translation>
    </message>
    <message>
        <source>Saved, not registered yet: the loyalty server refused the till&apos;s API key. Call a technician; the member is registered once the key is fixed.</source>
        <translation>Збережено, але ще не зареєстровано: сервер лояльності відхилив API-ключ каси. Викличте техніка; учасника буде зареєстровано, щойно ключ виправлять.</translation>
    </message>
    <message>
        <source>Not registered: the till could not save the registration. Try again; if it keeps happening, call a manager.</source>
        <translation>Не зареєстровано: каса не змогла зберегти реєстрацію. Спробуйте ще раз; якщо це повторюється, покличте менеджера.</translation>
    </message>
    <message>
        <source>This sale earns them no points now: keep the receipt. Once they are registered, they claim the points with the receipt&apos;s QR code (or a manager adds them as missed points).</source>
        <extracomment>Said with every &quot;saved&quot;: the member is not on this sale (no member id until the replay), so the sale earns them nothing now. A sale without a member prints the claim QR (:mod:`till.printing.layout`, when the till has its claim key), which the member scans later; a receipt without one is a manager&apos;s &quot;missed points&quot; claim.</extracomment>
        <translation>Цей продаж зараз не приносить їм балів: збережіть чек. Щойно їх зареєструють, вони отримають бали за QR-кодом на чеку (або менеджер додасть їх як пропущені бали).</translation>
    </message>
    <message>
        <source>Please check the phone number: {why}</source>
        <extracomment>The form&apos;s fields, as the backend names them in a refusal&apos;s ``field``.</extracomment>
        <translation>Перевірте номер телефону: {why}</translation>
    </message>
    <message>
        <source>Please check the name: {why}</source>
        <translation>Перевірте ім&apos;я: {why}</translation>
    </message>
    <message>
        <source>Please check the email: {why}</source>
        <translation>Перевірте електронну пошту: {why}</translation>
    </message>
    <message>
        <source>Please check the card: {why}</source>
        <translation>Перевірте картку: {why}</translation>
    </message>
    <message>
        <source>Registered. Look the member up by phone to add them to the sale.</source>
        <translation>Зареєстровано. Знайдіть учасника за номером телефону, щоб додати його до продажу.</translation>
    </message>
    <message>
        <source>{why} It is in the manager&apos;s review list.</source>
        <translation>{why} Операція в списку перевірки менеджера.</translation>
    </message>
    <message>
        <source>A member saved while offline is now registered.</source>
        <translation>Учасника, збереженого офлайн, тепер зареєстровано.</translation>
    </message>
    <message>
        <source>{name} is now registered (saved while offline).</source>
        <translation>{name} тепер зареєстровано (збережено офлайн).</translation>
    </message>
    <message>
        <source>The member</source>
        <translation>Учасник</translation>
    </message>
    <message>
        <source>The loyalty server refused it.</source>
        <translation>Сервер лояльності це відхилив.</translation>
    </message>
    <message>
        <source>A registration saved while offline was not made: {why} A manager can see it in the review list.</source>
        <translation>Реєстрацію, збережену офлайн, не виконано: {why} Менеджер бачить її у списку перевірки.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return</source>
        <translation>Повернення</translation>
    </message>
    <message>
        <source>Scan the receipt&apos;s barcode or type its number, then Enter.</source>
        <translation>Скануйте штрихкод чека або введіть його номер, потім Enter.</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Номер чека</translation>
    </message>
    <message>
        <source>…or the amount returned (Enter)</source>
        <translation>…або сума повернення (Enter)</translation>
    </message>
    <message>
        <source>Take the points back (Enter)</source>
        <translation>Забрати бали (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрити (Esc)</translation>
    </message>
    <message>
        <source>That is a card: scan the receipt&apos;s barcode, or type its number.</source>
        <translation>Це картка: скануйте штрихкод чека або введіть його номер.</translation>
    </message>
    <message>
        <source>That scan can&apos;t be read as a receipt number: type the number printed on the receipt, then Enter.</source>
        <translation>Це не схоже на номер чека: введіть номер, надрукований на чеку, потім Enter.</translation>
    </message>
    <message>
        <source>Type the receipt number as printed on the receipt.</source>
        <translation>Введіть номер чека так, як він надрукований.</translation>
    </message>
    <message>
        <source>The till&apos;s sales could not be read: type the amount returned.</source>
        <translation>Не вдалося прочитати продажі каси: введіть суму повернення.</translation>
    </message>
    <message>
        <source>This sale had no loyalty member: no points to take back.</source>
        <translation>У цьому продажі не було учасника: балів забирати не треба.</translation>
    </message>
    <message>
        <source>Receipt {receipt_no}, {value}: Space picks each line returned, then Enter. Or Tab to type an amount.</source>
        <translation>Чек {receipt_no}, {value}: пробіл вибирає кожну повернену позицію, потім Enter. Або Tab, щоб ввести суму.</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} was not rung at this till: type the amount returned, then Enter.</source>
        <translation>Чек {receipt_no} пробито не на цій касі: введіть суму повернення й натисніть Enter.</translation>
    </message>
    <message>
        <source>Pick the lines returned (Space), or type the amount returned.</source>
        <translation>Виберіть повернені позиції (пробіл) або введіть суму повернення.</translation>
    </message>
    <message>
        <source>These lines were paid with points: they earned none to take back.</source>
        <translation>Ці позиції оплачено балами: вони не дали балів, які треба забрати.</translation>
    </message>
    <message>
        <source>Recording the return…</source>
        <translation>Записуємо повернення…</translation>
    </message>
    <message>
        <source>The return could not be recorded on this till. Call a manager.</source>
        <translation>Не вдалося записати повернення на цій касі. Покличте менеджера.</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>Готово (Enter)</translation>
    </message>
    <message>
        <source>Return ({KEY})</source>
        <translation>Повернення ({KEY})</translation>
    </message>
    <message>
        <source>Return	{KEY}</source>
        <translation>Повернення	{KEY}</translation>
    </message>
    <message>
        <source>Finish or close the open dialog first (Esc).</source>
        <translation>Спершу завершіть або закрийте відкрите вікно (Esc).</translation>
    </message>
    <message>
        <source>Return of receipt {receipt_no}: {text}</source>
        <translation>Повернення за чеком {receipt_no}: {text}</translation>
    </message>
</context>
<context>
    <name>Sale</name>
    <message>
        <source>The sale could not be saved on this till. Call a manager.</source>
        <translation>Продаж не вдалося зберегти на цій касі. Покличте менеджера.</translation>
    </message>
    <message>
        <source>The till&apos;s API key was refused: call a technician. The operation is kept and sent once the key is fixed.</source>
        <translation>API-ключ каси відхилено: покличте техніка. Операцію збережено, її буде надіслано, щойно ключ виправлять.</translation>
    </message>
    <message>
        <source>Sale not recorded, call a manager.</source>
        <translation>Продаж не записано, покличте менеджера.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was charged.</source>
        <translation>Скасовано: нічого не списано.</translation>
    </message>
    <message>
        <source>Waiting for the loyalty server: it is sent as soon as it can be.</source>
        <translation>Очікуємо на сервер лояльності: буде надіслано, щойно це стане можливим.</translation>
    </message>
    <message>
        <source>Payment has started: lines can no longer change. Void the sale.</source>
        <translation>Оплата почалася: позиції вже не можна змінити. Скасуйте продаж.</translation>
    </message>
    <message>
        <source>Enter an amount greater than zero.</source>
        <translation>Введіть суму, більшу за нуль.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Payment has started: the member can no longer be changed on this sale.</source>
        <translation>Оплата почалася: учасника в цьому продажу вже не можна змінити.</translation>
    </message>
    <message>
        <source>Payment has started: the member can no longer be removed.</source>
        <translation>Оплата почалася: учасника вже не можна прибрати.</translation>
    </message>
    <message>
        <source>This sale is not open.</source>
        <translation>Цей продаж не відкрито.</translation>
    </message>
    <message>
        <source>Ring up the sale first.</source>
        <translation>Спершу пробийте продаж.</translation>
    </message>
    <message>
        <source>Nothing is left to pay.</source>
        <translation>Більше нічого сплачувати.</translation>
    </message>
    <message>
        <source>The card terminal can&apos;t take more than what is due.</source>
        <translation>Картковий термінал не може прийняти більше, ніж належить до сплати.</translation>
    </message>
    <message>
        <source>Start a sale first.</source>
        <translation>Спершу почніть продаж.</translation>
    </message>
    <message>
        <source>Points were already used on this sale.</source>
        <translation>У цьому продажу вже використано бали.</translation>
    </message>
    <message>
        <source>Cancelling the points payment… the sale can be parked (F11) meanwhile.</source>
        <translation>Скасовуємо оплату балами… тим часом продаж можна відкласти (F11).</translation>
    </message>
    <message>
        <source>There is no open sale to park.</source>
        <translation>Немає відкритого продажу, щоб його відкласти.</translation>
    </message>
    <message>
        <source>This sale is already being finished.</source>
        <translation>Цей продаж уже завершується.</translation>
    </message>
    <message>
        <source>The points payment is not confirmed yet: retry it (F4), park the sale (F11) or pay another way (F5/F6).</source>
        <translation>Оплату балами ще не підтверджено: повторіть її (F4), відкладіть продаж (F11) або оплатіть інакше (F5/F6).</translation>
    </message>
    <message>
        <source>{due} is still to pay: take cash (F5) or card (F6).</source>
        <translation>Ще до сплати {due}: прийміть готівку (F5) або картку (F6).</translation>
    </message>
    <message>
        <source>This sale can&apos;t be voided now.</source>
        <translation>Цей продаж зараз не можна скасувати.</translation>
    </message>
    <message>
        <source>The points payment is confirmed: {points} points.</source>
        <translation>Оплату балами підтверджено, балів: {points}.</translation>
    </message>
    <message>
        <source>The points payment was cancelled: nothing was charged.</source>
        <translation>Оплату балами скасовано: нічого не списано.</translation>
    </message>
    <message>
        <source>The points were not used: {why}</source>
        <translation>Бали не використано: {why}</translation>
    </message>
    <message>
        <source>The points payment is not confirmed: {why} Retry (F4), park the sale (F11) or pay another way (F5/F6); it is never charged twice.</source>
        <translation>Оплату балами не підтверджено: {why} Повторіть (F4), відкладіть продаж (F11) або оплатіть інакше (F5/F6); двічі не спишеться ніколи.</translation>
    </message>
    <message>
        <source>No points for this sale: {why}</source>
        <translation>За цей продаж балів немає: {why}</translation>
    </message>
    <message>
        <source>The sale was not voided: {why}</source>
        <translation>Продаж не скасовано: {why}</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>The till could not start: {why}</source>
        <translation>Каса не змогла запуститися: {why}</translation>
    </message>
</context>
<context>
    <name>TableOrders</name>
    <message>
        <source>Open order ({OPEN_KEY})</source>
        <extracomment>In the list only (Alt+O there first): Delete is an editing key everywhere else.</extracomment>
        <translation>Відкрити замовлення ({OPEN_KEY})</translation>
    </message>
    <message>
        <source>New table QR ({ROTATE_KEY})</source>
        <translation>Новий QR столу ({ROTATE_KEY})</translation>
    </message>
    <message>
        <source>Orders waiting: {n}. {key} opens the selected one.</source>
        <translation>Замовлень в очікуванні: {n}. {key} відкриває вибране.</translation>
    </message>
    <message>
        <source>No orders from the tables.</source>
        <translation>Замовлень зі столів немає.</translation>
    </message>
    <message>
        <source>Open table order</source>
        <extracomment>The feed&apos;s long-poll wait (the backend&apos;s longest): a new order still arrives at once, and a stopping backend answers waiting polls first (server/closing_server.py).</extracomment>
        <translation>Відкрити замовлення столу</translation>
    </message>
    <message>
        <source>Table orders list</source>
        <translation>Список замовлень столів</translation>
    </message>
    <message>
        <source>New table QR code</source>
        <translation>Новий QR-код столу</translation>
    </message>
    <message>
        <source>Table orders: {waiting} ({key})</source>
        <translation>Замовлення зі столів: {waiting} ({key})</translation>
    </message>
    <message>
        <source>Opening the order of table {table}…</source>
        <translation>Відкриваємо замовлення столу {table}…</translation>
    </message>
    <message>
        <source>Table {table}: {exc}</source>
        <translation>Стіл {table}: {exc}</translation>
    </message>
    <message>
        <source>The order could not be opened. Call a manager.</source>
        <translation>Не вдалося відкрити замовлення. Покличте менеджера.</translation>
    </message>
    <message>
        <source>Sale voided: the order of table {table} is still open here.</source>
        <translation type="vanished">Продаж скасовано: замовлення столу {table} тут ще відкрите.</translation>
    </message>
    <message>
        <source>Table {table}: the order is paid.</source>
        <translation>Стіл {table}: замовлення оплачено.</translation>
    </message>
    <message>
        <source>Table {table}: the order is marked paid when the server is back.</source>
        <translation>Стіл {table}: замовлення позначать оплаченим, коли сервер знову працюватиме.</translation>
    </message>
    <message>
        <source>Table {table}: the order could not be marked paid ({message}). A manager can see it in the review list.</source>
        <translation>Стіл {table}: не вдалося позначити замовлення оплаченим ({message}). Менеджер побачить його в списку на перевірку.</translation>
    </message>
    <message>
        <source>A new seating: the table&apos;s earlier QR codes stop working.</source>
        <translation>Нові гості: попередні QR-коди столу перестануть діяти.</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Стіл:</translation>
    </message>
    <message>
        <source>New QR code (Enter)</source>
        <translation>Новий QR-код (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрити (Esc)</translation>
    </message>
    <message>
        <source>Type the table&apos;s number.</source>
        <translation>Введіть номер столу.</translation>
    </message>
    <message>
        <source>Asking for a new code for table {table}…</source>
        <translation>Запитуємо новий код для столу {table}…</translation>
    </message>
    <message>
        <source>Table {table}: scan this code.</source>
        <translation>Стіл {table}: скануйте цей код.</translation>
    </message>
    <message>
        <source>Table {table}: scan this code, valid until {time}.</source>
        <translation>Стіл {table}: скануйте цей код, дійсний до {time}.</translation>
    </message>
    <message>
        <source>The new code could not be made. Call a manager.</source>
        <translation>Не вдалося створити новий код. Покличте менеджера.</translation>
    </message>
    <message>
        <source>Sale voided: the order of table {table} is cancelled.</source>
        <translation>Продаж скасовано: замовлення столу {table} скасовано.</translation>
    </message>
    <message>
        <source>Table {table}: this order is the sale being rung up. Void the sale (F8): that cancels the order too.</source>
        <translation>Стіл {table}: це замовлення — поточний продаж. Скасуйте продаж (F8): це скасує й замовлення.</translation>
    </message>
    <message>
        <source>Table {table}: the order is being served at till {till}; cancel it there.</source>
        <translation>Стіл {table}: замовлення обслуговує каса {till}; скасуйте його там.</translation>
    </message>
    <message>
        <source>Table {table}: the order is cancelled.</source>
        <translation>Стіл {table}: замовлення скасовано.</translation>
    </message>
    <message>
        <source>Table {table}: the order is cancelled here; the server hears it when it is back.</source>
        <translation>Стіл {table}: замовлення скасовано тут; сервер дізнається про це, коли знову буде доступний.</translation>
    </message>
    <message>
        <source>Table {table}: the order could not be cancelled ({message}). A manager can see it in the review list.</source>
        <translation>Стіл {table}: замовлення не вдалося скасувати ({message}). Менеджер побачить це у списку перевірки.</translation>
    </message>
    <message>
        <source>Cancel order ({CANCEL_KEY})</source>
        <translation>Скасувати замовлення ({CANCEL_KEY})</translation>
    </message>
    <message>
        <source>Cancel the table order</source>
        <translation>Скасувати замовлення столу</translation>
    </message>
    <message>
        <source>Cancel the order of table {table}? ({order}) The guest&apos;s order is gone for good: they order again, or you ring it up by hand.</source>
        <translation>Скасувати замовлення столу {table}? ({order}) Замовлення гостя зникне назавжди: гість замовить знову, або ви введете його вручну.</translation>
    </message>
    <message>
        <source>Cancel the order (Enter)</source>
        <translation>Скасувати замовлення (Enter)</translation>
    </message>
    <message>
        <source>Keep the order (Esc)</source>
        <translation>Залишити замовлення (Esc)</translation>
    </message>
    <message>
        <source>The loyalty server cannot be reached: new table orders appear when it is back.</source>
        <translation>Сервер лояльності недоступний: нові замовлення зі столів з&apos;являться, щойно він запрацює.</translation>
    </message>
    <message>
        <source>Table orders are not available from this loyalty server.</source>
        <translation>Цей сервер лояльності не надає замовлень зі столів.</translation>
    </message>
    <message>
        <source>Table orders could not be read: see the till&apos;s log.</source>
        <translation>Не вдалося прочитати замовлення зі столів: див. журнал подій каси.</translation>
    </message>
</context>
<context>
    <name>TechBench</name>
    <message>
        <source>swipe the card, or type its number</source>
        <translation>проведіть картку або введіть її номер</translation>
    </message>
    <message>
        <source>&amp;Generate Code 128 + QR (SVG and PNG)</source>
        <translation>&amp;Створити Code 128 + QR (SVG і PNG)</translation>
    </message>
    <message>
        <source>Then scan the printed card with the scanner or the camera to compare.</source>
        <translation>Потім скануйте надруковану картку сканером або камерою, щоб порівняти.</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Номер картки</translation>
    </message>
    <message>
        <source>Write images to</source>
        <translation>Записати зображення до</translation>
    </message>
    <message>
        <source>Swipe the card or type its number first.</source>
        <translation>Спершу проведіть картку або введіть її номер.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Записуємо…</translation>
    </message>
    <message>
        <source>Print at 100 % (ID-1 card, 85.60 x 53.98 mm): {files}</source>
        <translation>Друкуйте в масштабі 100 % (картка ID-1, 85,60 x 53,98 мм): {files}</translation>
    </message>
    <message>
        <source>The images could not be written: {problem}</source>
        <translation>Не вдалося записати зображення: {problem}</translation>
    </message>
    <message>
        <source>card number (optional): swipe or type</source>
        <translation>номер картки (необов&apos;язково): проведіть або введіть</translation>
    </message>
    <message>
        <source>&amp;Run the checks</source>
        <translation>&amp;Запустити перевірки</translation>
    </message>
    <message>
        <source>Save a support b&amp;undle</source>
        <translation>Зберегти &amp;пакет для підтримки</translation>
    </message>
    <message>
        <source>Checks the till&apos;s network, the loyalty backend, the API key, a card, the readers and the journal.</source>
        <translation>Перевіряє мережу каси, сервер лояльності, ключ API, картку, зчитувачі та журнал.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Висновок</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>Що робити далі</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Перевіряємо…</translation>
    </message>
    <message>
        <source>Support bundle written to {path}</source>
        <translation>Пакет для підтримки збережено: {path}</translation>
    </message>
    <message>
        <source>The support bundle could not be written: {problem}</source>
        <translation>Не вдалося записати пакет для підтримки: {problem}</translation>
    </message>
    <message>
        <source>Writing the support bundle…</source>
        <translation>Записуємо пакет для підтримки…</translation>
    </message>
    <message>
        <source>The checks could not run: {problem}</source>
        <translation>Не вдалося виконати перевірки: {problem}</translation>
    </message>
    <message>
        <source>loyalty card</source>
        <translation>картка лояльності</translation>
    </message>
    <message>
        <source>bank card (refused; shown masked)</source>
        <translation>банківська картка (відхилено; показано замасковано)</translation>
    </message>
    <message>
        <source>unreadable swipe</source>
        <translation>нечитабельне проведення</translation>
    </message>
    <message>
        <source>driving licence (refused)</source>
        <translation>посвідчення водія (відхилено)</translation>
    </message>
    <message>
        <source>magstripe</source>
        <translation>магнітна смуга</translation>
    </message>
    <message>
        <source>member QR code</source>
        <translation>QR-код учасника</translation>
    </message>
    <message>
        <source>member barcode</source>
        <translation>штрихкод учасника</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>product barcode</source>
        <translation>штрихкод товару</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>чек</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>невідомо</translation>
    </message>
    <message>
        <source>Swipe a card or scan a code.</source>
        <translation>Проведіть картку або скануйте код.</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Доріжка</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Дані</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Що це означає</translation>
    </message>
    <message>
        <source>Raw characters</source>
        <translation>Сирі символи</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Доріжки</translation>
    </message>
    <message>
        <source>Checks (seed 001 card requirements)</source>
        <translation>Перевірки (вимоги до карток, seed 001)</translation>
    </message>
    <message>
        <source>Read from {source} at {time}</source>
        <translation>Зчитано з {source} о {time}</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>відсутня</translation>
    </message>
    <message>
        <source>error</source>
        <translation>помилка</translation>
    </message>
    <message>
        <source>read</source>
        <translation>прочитано</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>ПОМИЛКА</translation>
    </message>
    <message>
        <source>fail (info)</source>
        <translation>не пройдено (довідково)</translation>
    </message>
    <message>
        <source>{state}: {detail}</source>
        <translation>{state}: {detail}</translation>
    </message>
    <message>
        <source>Start a &amp;new session</source>
        <translation>Почати &amp;нову сесію</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Зчитано</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Помилка</translation>
    </message>
    <message>
        <source>Swipe the same sample card</source>
        <translation>Проведіть ту саму зразкову картку</translation>
    </message>
    <message>
        <source>times.</source>
        <translation>разів.</translation>
    </message>
    <message>
        <source>{swipes} of {target} swipes</source>
        <translation>{swipes} з {target} проведень</translation>
    </message>
    <message>
        <source>Card test bench (technician)</source>
        <translation>Тестування карток (технік)</translation>
    </message>
    <message>
        <source>Readers: waiting for a read.</source>
        <translation>Зчитувачі: очікують зчитування.</translation>
    </message>
    <message>
        <source>The bench takes this till&apos;s card readers while it is in front, and shows what each card holds: a manager signs the technician in.</source>
        <translation>Поки тестування відкрите, воно займає зчитувачі цієї каси й показує вміст кожної картки. Менеджер дає техніку вхід.</translation>
    </message>
    <message>
        <source>Opened under {name}&apos;s manager sign-in. Readers: waiting for a read.</source>
        <translation>Відкрито під входом менеджера {name}. Зчитувачі: очікують зчитування.</translation>
    </message>
    <message>
        <source>Card number has {n} characters (at least 8 are needed).</source>
        <translation>Номер картки має {n} символів (потрібно щонайменше 8).</translation>
    </message>
    <message>
        <source>Card number has only {n} characters; loyalty card numbers need at least 8.</source>
        <translation>Номер картки має лише {n} символів; номерам карток лояльності потрібно щонайменше 8.</translation>
    </message>
    <message>
        <source>No track carries a card number.</source>
        <translation>Жодна доріжка не містить номера картки.</translation>
    </message>
    <message>
        <source>Alphanumeric reference found on track 2: it can only be encoded on tracks 1 and 3.</source>
        <translation>Буквено-цифровий номер знайдено на доріжці 2: його можна кодувати лише на доріжках 1 і 3.</translation>
    </message>
    <message>
        <source>Alphanumeric reference found only on track(s) {tracks}: it must be encoded on at least track 1.</source>
        <translation>Буквено-цифровий номер знайдено лише на доріжках {tracks}: його треба кодувати щонайменше на доріжці 1.</translation>
    </message>
    <message>
        <source>Numeric reference found only on track 3: numeric references are encoded on tracks 1 and 2.</source>
        <translation>Цифровий номер знайдено лише на доріжці 3: цифрові номери кодують на доріжках 1 і 2.</translation>
    </message>
    <message>
        <source>No track could be read; nothing to compare.</source>
        <translation>Жодну доріжку не прочитано; немає чого порівнювати.</translation>
    </message>
    <message>
        <source>Only track(s) {tracks} could be read; nothing to compare.</source>
        <translation>Прочитано лише доріжки {tracks}; немає чого порівнювати.</translation>
    </message>
    <message>
        <source>Track(s) {tracks} carry the same number.</source>
        <translation>Доріжки {tracks} містять той самий номер.</translation>
    </message>
    <message>
        <source>The tracks disagree: {detail}.</source>
        <translation>Доріжки не збігаються: {detail}.</translation>
    </message>
    <message>
        <source>Card number is inside the program range {range}.</source>
        <translation>Номер картки в межах діапазону програми {range}.</translation>
    </message>
    <message>
        <source>Card number {number} is outside this program&apos;s number ranges ({ranges}).</source>
        <translation>Номер картки {number} поза діапазонами номерів цієї програми ({ranges}).</translation>
    </message>
    <message>
        <source>The card range setting is invalid: {detail}.</source>
        <translation>Налаштування діапазонів карток недійсне: {detail}.</translation>
    </message>
    <message>
        <source>Card number has letters, so it cannot carry the Luhn check digit this program requires.</source>
        <translation>Номер картки містить літери, тож не може мати контрольної цифри Луна, якої вимагає ця програма.</translation>
    </message>
    <message>
        <source>Luhn check digit does not apply to alphanumeric numbers.</source>
        <translation>Контрольна цифра Луна не застосовується до буквено-цифрових номерів.</translation>
    </message>
    <message>
        <source>Luhn check digit is valid (ISO/IEC 7812-1).</source>
        <translation>Контрольна цифра Луна правильна (ISO/IEC 7812-1).</translation>
    </message>
    <message>
        <source>Luhn check digit is wrong (ISO/IEC 7812-1), and this program requires a valid one: the number was misread or the card is not from this program.</source>
        <translation>Контрольна цифра Луна неправильна (ISO/IEC 7812-1), а ця програма вимагає правильної: номер прочитано хибно або картка не з цієї програми.</translation>
    </message>
    <message>
        <source>Luhn check digit does not match (ISO/IEC 7812-1); informational only, this program does not require one.</source>
        <translation>Контрольна цифра Луна не збігається (ISO/IEC 7812-1); лише довідково, ця програма її не вимагає.</translation>
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
        <translation>Готівка</translation>
    </message>
    <message>
        <source>Card (terminal)</source>
        <translation>Картка (термінал)</translation>
    </message>
    <message>
        <source>Loyalty Redemption</source>
        <translation>Списання балів</translation>
    </message>
</context>
</TS>

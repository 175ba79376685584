<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
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
            <source>Customer's phone (SMS outbox)</source>
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
            <source>The backend could not be switched: {exc}</source>
            <translation>Не вдалося перемкнути сервер: {exc}</translation>
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
        <name>MainWindow</name>
        <message>
            <source>Receipt</source>
            <translation>Чек</translation>
        </message>
        <message>
            <source>The receipt appears here when the sale is finished.</source>
            <translation>Чек з'явиться тут, коли продаж завершиться.</translation>
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
            <source>Swipe or scan a loyalty card, or type the member's phone (F2).</source>
            <extracomment>What F9 takes for the amount still due when nothing else pays it (``complete``).</extracomment>
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
            <source>New sale. Swipe or scan a loyalty card, or type the member's phone (F2).</source>
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
            <translation>Нових учасників можна буде зареєструвати, коли сервер лояльності запрацює.</translation>
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
            <source>The store's loyalty settings are not loaded yet; try again.</source>
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
            <source>The customer's phone is not available: a manager can approve this redemption. It is recorded with the manager's name and the reason.</source>
            <translation>Телефон покупця недоступний: менеджер може дозволити це списання. Його буде записано з іменем менеджера та причиною.</translation>
        </message>
        <message>
            <source>e.g. customer's phone is broken</source>
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
            <source>A code will be sent to the customer's phone (needed from {value}).</source>
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
            <source>Enter the manager's name, PIN and a reason.</source>
            <translation>Введіть ім'я, PIN менеджера та причину.</translation>
        </message>
        <message>
            <source>Redeeming…</source>
            <translation>Списуємо…</translation>
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
            <source>Register a new member</source>
            <translation>Зареєструвати нового учасника</translation>
        </message>
        <message>
            <source>No member has this card or phone. Register the customer:</source>
            <translation>Жоден учасник не має цієї картки чи телефону. Зареєструйте покупця:</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>необов'язково</translation>
        </message>
        <message>
            <source>Phone:</source>
            <translation>Телефон:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Ім'я:</translation>
        </message>
        <message>
            <source>Email:</source>
            <translation>E-mail:</translation>
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
            <translation>Потрібні номер телефону та ім'я.</translation>
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
            <source>Enter the manager's name and PIN.</source>
            <translation>Введіть ім'я та PIN менеджера.</translation>
        </message>
        <message>
            <source>Enter the manager's PIN.</source>
            <translation>Введіть PIN менеджера.</translation>
        </message>
    </context>
    <context>
        <name>Manager</name>
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
            <source>Campaigns running or planned, and the points each gave on this till's sales since the start of the store's day.</source>
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
            <source>The loyalty server can't be reached: the campaigns as this till last downloaded them ({value}).</source>
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
            <source>Why, e.g. 'points given to the wrong phone number'</source>
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
            <translation>Ім'я або PIN неправильні.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Manager sign-in&lt;/b&gt;</source>
            <translation>&lt;b&gt;Вхід менеджера&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Manager name</source>
            <translation>Ім'я менеджера</translation>
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
            <translation>&amp;Ім'я</translation>
        </message>
        <message>
            <source>&amp;PIN</source>
            <translation>&amp;PIN</translation>
        </message>
        <message>
            <source>Enter the manager's name and PIN.</source>
            <translation>Введіть ім'я та PIN менеджера.</translation>
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
            <source>From this till's sal&amp;es</source>
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
            <source>(this till's sales are not available: type the receipt)</source>
            <translation>(продажі цієї каси недоступні: введіть чек)</translation>
        </message>
        <message>
            <source>(type the receipt below)</source>
            <translation>(введіть чек нижче)</translation>
        </message>
        <message>
            <source>(this till's sales could not be read: type the receipt)</source>
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
            <source>When the first box is ticked, redeeming points worth at least the minimum value needs the code sent to the customer's phone. A minimum of 0.00 means always.</source>
            <translation>Якщо перший прапорець увімкнено, списання балів на суму від мінімальної потребує коду, надісланого на телефон покупця. Мінімум 0.00 означає: завжди.</translation>
        </message>
        <message>
            <source>&amp;OTP is mandatory to redeem loyalty</source>
            <translation>&amp;Код (OTP) обов'язковий для списання балів</translation>
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
            <source>Loading the store's policy…</source>
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
            <source>Now: every redemption needs the customer's code.</source>
            <translation>Зараз: кожне списання потребує коду покупця.</translation>
        </message>
        <message>
            <source>Now: redemptions worth {amount} or more need the customer's code.</source>
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
            <source>Operations the loyalty server refused. Retry after fixing the cause; Cancel gives the operation up (it stays in the till's journal as cancelled).</source>
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
            <source>This till can't cancel a redemption on the backend here.</source>
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
            <translation>Перевірити &amp;з'єднання</translation>
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
            <translation>З'єднуємося…</translation>
        </message>
        <message>
            <source>Connected: store {store}, till {till}.</source>
            <translation>З'єднано: магазин {store}, каса {till}.</translation>
        </message>
        <message>
            <source>No connection: {value}</source>
            <translation>Немає з'єднання: {value}</translation>
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
            <translation>Принтер чеків ({printer}) не відповідає: перевірте, чи він увімкнений і під'єднаний.</translation>
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
            <source>This receipt's code is not valid: it was not printed by our tills.</source>
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
            <source>This is a receipt's points code: identify the member first (card, code or phone), then scan it again.</source>
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
            <translation>{path}: недійсний TOML ({exc}); спершу виправте або видаліть</translation>
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
            <source>The printer's {value} must be a number.</source>
            <translation>Параметр принтера «{value}» має бути числом.</translation>
        </message>
        <message>
            <source>Printer saved to {path}: used from the till's next start.</source>
            <translation>Принтер збережено в {path}: діятиме з наступного запуску каси.</translation>
        </message>
        <message>
            <source>Printing a test receipt on the {value}…</source>
            <translation>Друкуємо тестовий чек на: {value}…</translation>
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
            <translation>(бали очікуються: їх нарахують,</translation>
        </message>
        <message>
            <source> when the loyalty server is back)</source>
            <translation> коли сервер знову працюватиме)</translation>
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
        <name>ReturnDialog</name>
        <message>
            <source>Return</source>
            <translation>Повернення</translation>
        </message>
        <message>
            <source>Scan the receipt's barcode or type its number, then Enter.</source>
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
            <source>That is a card: scan the receipt's barcode, or type its number.</source>
            <translation>Це картка: скануйте штрихкод чека або введіть його номер.</translation>
        </message>
        <message>
            <source>That scan can't be read as a receipt number: type the number printed on the receipt, then Enter.</source>
            <translation>Це не схоже на номер чека: введіть номер, надрукований на чеку, потім Enter.</translation>
        </message>
        <message>
            <source>Type the receipt number as printed on the receipt.</source>
            <translation>Введіть номер чека так, як він надрукований.</translation>
        </message>
        <message>
            <source>The till's sales could not be read: type the amount returned.</source>
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
        <name>TableOrders</name>
        <message>
            <source>Open order ({OPEN_KEY})</source>
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
            <extracomment>The feed's long-poll wait (the backend's longest): a new order still arrives at once, and a stopping backend answers waiting polls first (server/closing_server.py).</extracomment>
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
            <translation>Продаж скасовано: замовлення столу {table} тут ще відкрите.</translation>
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
            <source>A new seating: the table's earlier QR codes stop working.</source>
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
            <source>Type the table's number.</source>
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
            <translation>номер картки (необов'язково): проведіть або введіть</translation>
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
            <source>Checks the till's network, the loyalty backend, the API key, a card, the readers and the journal.</source>
            <translation>Перевіряє мережу каси, сервер лояльності, ключ API, картку, зчитувачі та журнал.</translation>
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
            <source>Swipe a card or scan a code.</source>
            <translation>Проведіть картку або скануйте код.</translation>
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
            <source>Start a &amp;new session</source>
            <translation>Почати &amp;нову сесію</translation>
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
            <source>The bench takes this till's card readers while it is in front, and shows what each card holds: a manager signs the technician in.</source>
            <translation>Поки тестування відкрите, воно займає зчитувачі цієї каси й показує вміст кожної картки. Менеджер дає техніку вхід.</translation>
        </message>
        <message>
            <source>Opened under {name}'s manager sign-in. Readers: waiting for a read.</source>
            <translation>Відкрито під входом менеджера {name}. Зчитувачі: очікують зчитування.</translation>
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

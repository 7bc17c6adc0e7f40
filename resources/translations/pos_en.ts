<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="113" />
        <source>Manager approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="127" />
        <source>Needs a manager's approval:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="131" />
        <source>Manager's PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="134" />
        <source>Approve (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="148" />
        <source>Nobody here can approve this</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CartFlow</name>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="30" />
        <source>Quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="48" />
        <source>Remove {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="81" />
        <source>Void this sale ({})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="82" />
        <source>Customer changed their mind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="82" />
        <source>Wrong items rung up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="82" />
        <source>Customer cannot pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="93" />
        <source>Void the sale ({}): {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="101" />
        <source>Nothing to park</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="106" />
        <source>No parked sales</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34" />
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34" />
        <source>Qty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34" />
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34" />
        <source>Discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34" />
        <source>Total</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Checkout</name>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="41" />
        <source>The cart is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="65" />
        <source>Change: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="76" />
        <source>Identify the member first (F1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="87" />
        <source>{} (may spend here now: {} points)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="108" />
        <source>Card: {} on the terminal. Ask the customer to follow it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="117" />
        <source>The terminal did not say whether the card was charged: nothing was recorded. Check the terminal's last receipt before charging again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="127" />
        <source>Card declined: {}. Pay another way.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="156" />
        <source>the terminal did not receive it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="179" />
        <source>Payment cancelled: give the cash back to the customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="225" />
        <source>The sale could not be saved ({}); the cart is kept, try again</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="663" />
        <source>Close the shift (Z report)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="676" />
        <source>Count the cash in the drawer: the total, or each note and coin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="697" />
        <source>Counted: see the Z report (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="717" />
        <source>Why does the count differ?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="720" />
        <source>Back to the count (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="721" />
        <source>Close shift and print Z (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="775" />
        <source>{} is not an amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="779" />
        <source>No shift is open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="787" />
        <source>Counted {counted}, expected {expected}: {off} over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="789" />
        <source>Counted {counted}, expected {expected}: {off} short</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="791" />
        <source>The count matches the expected cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="806" />
        <source>Say why the count differs from the expected cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="770" />
        <source>Count the drawer first (0 if it is empty)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CountDialog</name>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="489" />
        <source>Stock count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="494" />
        <source>Everything in the store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="496" />
        <source>Family: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="497" />
        <source>A location (type its name)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="499" />
        <source>Location, e.g. Almacén</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="500" />
        <source>Blind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="501" />
        <source>Expected figures hidden until the review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="506" />
        <source>Scan each item · 5* then scan for five</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="510" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="510" />
        <source>Counted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="510" />
        <source>Expected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="510" />
        <source>Difference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="516" />
        <source>Start F2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="518" />
        <source>Review F3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="519" />
        <source>Approve F4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="520" />
        <source>Abandon F8</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="537" />
        <source>No count in progress: choose what to count, F2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="542" />
        <source> · blind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="543" />
        <source>Counting: {}{}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="561" />
        <source>Type the location's name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="580" />
        <source>{} difference(s) to approve: F4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="591" />
        <source>Approve the count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="609" />
        <source>Count abandoned: nothing adjusted</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="75" />
        <source>Customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="81" />
        <source>Card, phone, e-mail or name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="93" />
        <source>New member (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="94" />
        <source>No member for this sale (Ctrl+Del)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="95" />
        <source>Choose (Enter)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="36" />
        <source>Customer display</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="37" />
        <source>Welcome to {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="37" />
        <source>Welcome</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="90" />
        <location filename="../../pos_app/ui/customer_display.py" line="105" />
        <source>Total: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="99" />
        <source>Paid {paid} · to pay {left}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="107" />
        <source>Change: {}  ·  Thank you!</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="107" />
        <source>Thank you!</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="114" />
        <source>Hello {name} · {points} points</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="247" />
        <source>Offers for this member:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="260" />
        <source>{} points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="261" />
        <source>may spend here now: {} ({})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="265" />
        <source>not yet confirmed by HQ: +{} −{}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="277" />
        <source>Recent purchases, every channel:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="279" />
        <source>Recent purchases at this till (offline):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="286" />
        <source>none yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="288" />
        <source>You could suggest:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="292" />
        <source>web</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="292" />
        <source>store</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Customers</name>
    <message>
        <location filename="../../pos_app/services/selling/customers.py" line="36" />
        <source>No member found for '{}'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/customers.py" line="44" />
        <source>This till is not set up yet: no sale can be saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/customers.py" line="52" />
        <source>Already a member: {} ({}). Not enrolled twice.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/customers.py" line="59" />
        <source>Welcome, {}: card {}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="426" />
        <source>Discount or price change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="430" />
        <source>% off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="431" />
        <source>Amount off the line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="432" />
        <source>New unit price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="444" />
        <source>Apply (Enter)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="155" />
        <source>New member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="167" />
        <source>The customer agrees to receive offers (ask; never tick it for them)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="177" />
        <source>Name and surname</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="178" />
        <source>Mobile phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="179" />
        <source>E-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="183" />
        <source>A phone or an e-mail is needed; nothing else is asked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="186" />
        <source>Enrol (Enter)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FindingFlow</name>
    <message>
        <location filename="../../pos_app/ui/flows/finding.py" line="52" />
        <source>Unknown code {}: F2 to search by name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/finding.py" line="63" />
        <source>{} was not weighed: choose it again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/finding.py" line="90" />
        <source>Type the weight of {}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Holds</name>
    <message>
        <location filename="../../pos_app/services/selling/holds.py" line="35" />
        <source>Sale parked: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/holds.py" line="45" />
        <source>Finish or park the current sale first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/holds.py" line="49" />
        <source>That parked sale is gone (resumed at another moment)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/holds.py" line="55" />
        <source>{} is no longer sold: left out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/holds.py" line="64" />
        <source>Sale resumed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="836" />
        <source>Full invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="846" />
        <source>Tax id (NIF/CIF)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="847" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="848" />
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="854" />
        <source>Issue invoice (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="861" />
        <source>A tax id and a name are needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="866" />
        <source>{} is not a valid Spanish NIF: check it with the customer</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="35" />
        <source>OK</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="629" />
        <source>Open the shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="638" />
        <source>Count the cash in the drawer (the float)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="641" />
        <source>Open shift (Enter)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="463" />
        <source>Parked sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="478" />
        <source>Resume (Enter)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PayingFlow</name>
    <message>
        <location filename="../../pos_app/ui/flows/paying.py" line="21" />
        <source>The cart is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/paying.py" line="58" />
        <source>Sale {} saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/paying.py" line="69" />
        <source>No receipt to invoice yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/paying.py" line="73" />
        <source>Cancel full invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/paying.py" line="74" />
        <source>Receipt {} already has full invoice {}. Cancel that invoice?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="218" />
        <source>Payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="232" />
        <source>empty = all that is left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="240" />
        <source>Cash (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="241" />
        <source>Card (F6)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="242" />
        <source>Points (F4)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="244" />
        <source>Cancel payment (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="252" />
        <source>Amount handed over or to charge now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="320" />
        <source>Waiting for the card terminal…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="335" />
        <source>To pay: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="337" />
        <source>Paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="339" />
        <source>Sale total: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="341" />
        <source>Cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="341" />
        <source>Card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="341" />
        <source>Points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="343" />
        <source> · change {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="347" />
        <source>Cash rounding: {}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PickupDialog</name>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="50" />
        <source>Pickups and reservations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="54" />
        <source>New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="55" />
        <source>Picking</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="56" />
        <source>Ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="57" />
        <source>Overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="58" />
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="63" />
        <source>Scan the pickup code, or type a name, card or order number · Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="91" />
        <source>Identity checked: ID, or the code on the customer's phone (F5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="95" />
        <source>Substitute: product code or barcode, then F9</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="105" />
        <source>Picking F2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="106" />
        <source>Ready F3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="107" />
        <source>Hand over F4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="108" />
        <source>What is here F7</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="113" />
        <source>Substitute F9</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="114" />
        <source>Transfer F6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="115" />
        <source>Expire F8</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="122" />
        <source>Pick list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="128" />
        <source>Transfer from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="161" />
        <source> · until {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="182" />
        <source>No orders here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="186" />
        <source>Click&amp;collect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="186" />
        <source>Reservation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="187" />
        <source>paid online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="187" />
        <source>to pay here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="191" />
        <source>Pickup until {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="194" />
        <source>{} · {} · code {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="201" />
        <source>{} × {}  ({}) · here: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="219" />
        <source>No order matches {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="228" />
        <source>{} orders match: showing the first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="230" />
        <source>Order {} found by its pickup code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="234" />
        <location filename="../../pos_app/ui/pickup.py" line="266" />
        <source>Choose an order first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="260" />
        <source>No sibling store to ask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="273" />
        <source>Not everything is here: F7 hands over what is, F9 substitutes, F6 asks a transfer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="290" />
        <source>Every item is here: nothing to substitute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="302" />
        <source>Substitute {} for {}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PickupService</name>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="126" />
        <location filename="../../pos_app/services/pickup.py" line="180" />
        <source>Could not save it ({}): try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="132" />
        <source>Order {} is not waiting to be picked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="138" />
        <source>Order {} cannot be made ready now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="144" />
        <source>{}: {} here for {} ordered. Hand over what is here, substitute or ask a transfer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="150" />
        <source>Order {} is ready: the customer will be told</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="158" />
        <source>Order {} is still within its pickup window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="161" />
        <source>Order {} expired: its units are on sale again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="176" />
        <source>for order {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="182" />
        <source>Transfer {} requested for order {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="196" />
        <source>Order {} is {}: only a ready order is handed over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="199" />
        <source>Check the customer's identity first (name, ID or the code on their phone)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="203" />
        <source>Nothing to hand over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="206" />
        <source>A substitute needs a manager's approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="215" />
        <source>Order {} handed over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="222" />
        <source>PICKUP RECEIPT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="223" />
        <source>Order {}   {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="224" />
        <source>Customer: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="225" />
        <source>Paid online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="225" />
        <source>Paid at the counter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="232" />
        <source>{} x {} (substitute)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="235" />
        <source>{} unit(s) not handed over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="236" />
        <source>Received by the customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="246" />
        <source>Unknown product {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="268" />
        <source>Who is it for? Type the customer's name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="282" />
        <source>Only {} free there: not reserved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="290" />
        <source>Reserved: order {}, pickup code {}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QuickKeysDialog</name>
    <message>
        <location filename="../../pos_app/ui/quick_keys.py" line="39" />
        <source>Favourites</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/quick_keys.py" line="53" />
        <source>This store has no favourites yet: HQ sets them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/quick_keys.py" line="55" />
        <source>Touch one, or the arrows and Enter · Esc to go back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/quick_keys.py" line="58" />
        <source>Back (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="182" />
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="184" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="187" />
        <source>Confirm (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="199" />
        <source>Give a reason</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="126" />
        <source>Receipt {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="134" />
        <source>Change: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="136" />
        <source>Save as PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="140" />
        <source>Next sale (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="188" />
        <source>Saved {}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReceiptPrinter</name>
    <message>
        <location filename="../../pos_app/services/printing.py" line="91" />
        <source>No printer is set up: open the drawer with its key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/printing.py" line="112" />
        <source>The printer did not print ({}). The sale is saved: F12 reprints it.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <location filename="../../pos_app/services/selling/receipts.py" line="26" />
        <source>No receipt to reprint yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/receipts.py" line="42" />
        <source>{} is not a valid Spanish NIF: check it with the customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/receipts.py" line="48" />
        <source>Full invoice {} issued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/receipts.py" line="64" />
        <source>This receipt has no full invoice to cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/receipts.py" line="66" />
        <source>Full invoice {} cancelled: the receipt can be invoiced again</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReserveDialog</name>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="351" />
        <source>Reserve for a customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="356" />
        <source>Here ({} free)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="358" />
        <source>{} ({} last known)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="361" />
        <source>Customer's name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="364" />
        <source>Phone (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="370" />
        <source> day(s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="380" />
        <source>Where</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="381" />
        <source>For</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="383" />
        <source>Units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="384" />
        <source>Hold for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="391" />
        <source>Reserve (Enter)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="497" />
        <source>Return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="502" />
        <source>Scan the receipt's barcode or type its number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="506" />
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="506" />
        <source>Paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="506" />
        <source>Returnable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="506" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="515" />
        <source>No receipt…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="523" />
        <source>Refund (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="535" />
        <source>Not from this till: asking HQ for receipt {}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="576" />
        <source>To refund: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="619" />
        <source>Choose what is returned</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Returns</name>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="50" />
        <source>No receipt {} at this till</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="57" />
        <source>Receipt {} is not from this till and HQ cannot be reached now: take the return when the connection is back, or at the till that sold it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="61" />
        <source>No receipt {} in the chain (or its till has not sent it yet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="84" />
        <source>Only {} of that line can still be returned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="96" />
        <source>Discount given back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="110" />
        <source>Finish the sale in progress first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="113" />
        <source>Choose what is returned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="116" />
        <source>This return needs a manager's approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="138" />
        <source>The terminal did not say whether the card was refunded: nothing was recorded. Check the terminal's last receipt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="147" />
        <source>The card refund was declined: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="157" />
        <source>Refund {} saved: {}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReturnsFlow</name>
    <message>
        <location filename="../../pos_app/ui/flows/returns.py" line="18" />
        <source>Refund without a receipt: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/returns.py" line="28" />
        <source>Return without a receipt: scan the items, then F10 to refund them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/returns.py" line="35" />
        <source>Refund against a receipt</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SalePage</name>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="56" />
        <source>Scan or type a barcode · 3* then scan for 3 · F2 search by name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="109" />
        <source>Pay (F5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="110" />
        <source>All by card (F6)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="111" />
        <source>Void sale (F9)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="128" />
        <source>TOTAL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="170" />
        <source>Items: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="178" />
        <source>You save {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="185" />
        <source>VAT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="185" />
        <source>Base</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="185" />
        <source>Tax</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SaleService</name>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="159" />
        <location filename="../../pos_app/services/selling/sale.py" line="202" />
        <location filename="../../pos_app/services/selling/sale.py" line="428" />
        <source>Finish or cancel the payment first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="208" />
        <source>Quantity must be between 1 and {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="212" />
        <source>× {}: now scan the item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="231" />
        <source>Unknown barcode {}: search the product by name (F2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="257" />
        <source>That product is no longer sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="267" />
        <source>{} has no price today: call a manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="446" />
        <source>Removed: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="476" />
        <source>That discount is beyond your limit: a manager must approve it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="505" />
        <source>This till is not set up yet: no sale can be saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="174" />
        <source>Member: {} · {} · {} points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="272" />
        <source>{} is sold by weight: weighing it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="316" />
        <source>{}: reserved for order {} ({}). Only a manager can release it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="333" />
        <source>Releasing reserved units needs a manager's approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="362" />
        <source>Finish or park the sale in progress first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="379" />
        <source>Order {}: take the payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="432" />
        <source>Removing more lines from this sale needs a manager's approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="507" />
        <source>Sign in first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="509" />
        <source>Open the shift first (count the float)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="522" />
        <source>Cancel the payment first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="525" />
        <source>Say why the sale is voided</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="528" />
        <source>Voiding a sale needs a manager's approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="547" />
        <source>Sale voided</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SaleWindow</name>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="195" />
        <source>Omni POS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="250" />
        <source>− 1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="251" />
        <source>+ 1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="252" />
        <source>Quantity (F4)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="253" />
        <source>Discount (F3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="254" />
        <source>Remove line (Del)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="255" />
        <source>Search (F2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="259" />
        <source>Customer F1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="260" />
        <source>Pickups Ctrl+P</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="261" />
        <source>Reserve Ctrl+R</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="262" />
        <source>Stock Ctrl+K</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="263" />
        <source>Transfers Ctrl+T</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="264" />
        <source>Count Ctrl+U</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="265" />
        <source>Park F7</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="266" />
        <source>Parked F8</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="267" />
        <source>Return F10</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="268" />
        <source>Reprint F12</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="269" />
        <source>Invoice Ctrl+I</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="270" />
        <source>Cash Ctrl+E</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="271" />
        <source>Drawer Ctrl+D</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="272" />
        <source>Close Z Ctrl+Z</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="273" />
        <source>Sign out Ctrl+L</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="274" />
        <source>Sync F11</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="256" />
        <source>Favourites Ctrl+F</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="300" />
        <source>That language is not installed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="428" />
        <source>Hello {}: scan the first item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="454" />
        <source>Till not set up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="466" />
        <source>Loading catalog: {} rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="489" />
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="489" />
        <source>A sale is in progress and will be lost. Quit anyway?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="47" />
        <source>Search products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="51" />
        <source>Name or SKU code, e.g. 'camiseta azul'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="54" />
        <source>↓ to choose · Enter to add · Esc to close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="83" />
        <source>no price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="84" />
        <source>    ·    {} in store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="91" />
        <source>Nothing found</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="44" />
        <source>Omni POS: set up this till</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="51" />
        <source>Set up this till</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="55" />
        <source>Type the central server's address and the enrolment code for this till (HQ prints it with pos-server create-till). The till then loads the catalog and is ready to sell.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="64" />
        <source>e.g. K7Q2-M9XD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="67" />
        <source>only if the chain uses its own certificate authority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="68" />
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="75" />
        <source>Server address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="76" />
        <source>Enrolment code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="77" />
        <source>CA certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="84" />
        <source>Set up (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="86" />
        <source>Quit (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="113" />
        <source>The chain's CA certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="113" />
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="131" />
        <source>Setting up…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="139" />
        <source>Not set up: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="148" />
        <source>{} is set up. Opening the till…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="153" />
        <source>Enrolling at {}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="154" />
        <source>Enrolled as {}. Loading the catalog…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="155" />
        <source>Loading the catalog: {} rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="156" />
        <source>Catalog loaded: {} rows</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShiftFlow</name>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="19" />
        <source>Shift open with {} in the drawer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="21" />
        <source>No shift open: sales cannot be saved until it is (Ctrl+L to leave)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="27" />
        <source>Finish, park or void the sale before signing out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="36" />
        <source>Cash in or out (an amount below zero takes cash out)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="37" />
        <source>Change from the bank</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="37" />
        <source>To the safe</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="37" />
        <source>Supplier paid in cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="41" />
        <source>e.g. 50 to put in, -200 to take out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="60" />
        <source>Cash in: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="60" />
        <source>Cash out: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="67" />
        <source>Open the drawer without a sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="68" />
        <source>no sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="73" />
        <source>Finish, park or void the sale before closing the shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="76" />
        <source>No shift is open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="87" />
        <source>Close the shift</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShiftService</name>
    <message>
        <location filename="../../pos_app/services/shift.py" line="40" />
        <location filename="../../pos_app/services/shift.py" line="70" />
        <source>Sign in first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="43" />
        <source>The float cannot be negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="51" />
        <source>This till has no issuer data (the company's legal name, NIF and address) from HQ yet: no lawful receipt can be printed. HQ sets them with pos-server set-company; then sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="74" />
        <source>This needs a manager's approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="83" />
        <location filename="../../pos_app/services/shift.py" line="98" />
        <source>Open the shift first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="86" />
        <source>Enter an amount and a reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="124" />
        <source>No shift is open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="128" />
        <source>Say why the count differs from the expected cash</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShopDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="78" />
        <source>Back (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShopError</name>
    <message>
        <location filename="../../pos_app/services/explain.py" line="12" />
        <source>'{text}' is not a quantity: type a whole number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="13" />
        <source>Quantity must be between 1 and {most}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="14" />
        <source>A weighed item's quantity is its weight: remove it and weigh again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="17" />
        <source>A price can only be lowered at the till</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="18" />
        <source>A discount is between 0 and 100 %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="19" />
        <source>A discount cannot be more than the line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="20" />
        <source>No such line in the cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="21" />
        <source>Enter an amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="22" />
        <source>'{text}' is not an amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="23" />
        <source>Nothing left to pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="24" />
        <source>Enter the cash handed over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="25" />
        <source>A card pays at most what is left to pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="26" />
        <source>A card refund gives back at most what is left to refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="29" />
        <source>The member has no points to spend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="30" />
        <source>Points pay at most what is left and what the member may spend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="33" />
        <source>'{text}' is not a phone number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="34" />
        <source>'{text}' is not an e-mail address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="35" />
        <source>Type the member's name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="36" />
        <source>A member needs a phone or an e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="37" />
        <source>Nothing was scanned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="38" />
        <source>Code {scanned} has {digits} digits: not a barcode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="39" />
        <source>Code {scanned} has a wrong check digit: scan it again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="40" />
        <source>'{scanned}' is not a barcode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="42" />
        <source>The scale does not answer: check its cable and that it is switched on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="45" />
        <source>The scale sends something the till cannot read: set it to continuous output</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="48" />
        <source>The weight does not settle: keep the item still on the scale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="49" />
        <source>Nothing on the scale: put the item on it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="50" />
        <source>The scale shows a negative weight: empty it and zero it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="51" />
        <source>Too heavy for the scale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="52" />
        <source>The scale weighs in pounds: set it to kilograms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="54" />
        <source>A transfer comes from another store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="55" />
        <source>Say how many of each product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="56" />
        <source>Unknown transfer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="57" />
        <source>This store cannot mark transfer {number} {step}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="58" />
        <source>Transfer {number} is already {state}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="59" />
        <source>A count is already in progress: finish it first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="60" />
        <source>No such count in progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="61" />
        <source>Nothing to adjust</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="62" />
        <source>'{text}' is not a weight: type kilograms, such as 0,350</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="57" />
        <source>Who is working?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="69" />
        <source>PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="86" />
        <source>↑↓ choose your name · type your PIN · Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="136" />
        <source>Nobody can sign in yet: the staff list comes with the catalog from the server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="156" />
        <source>Choose your name first</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StaffSession</name>
    <message>
        <location filename="../../pos_app/services/session.py" line="37" />
        <source>Unknown staff member: choose a name from the list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="40" />
        <source>A PIN is 4 to 8 digits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="45" />
        <source>Too many wrong PINs: try again in {} minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="54" />
        <source>Wrong PIN. Locked for {} minutes after too many tries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="57" />
        <source>Wrong PIN: {} tries left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="80" />
        <source>{} may not approve this</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="82" />
        <source>Approval needs another person's PIN</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StandaloneCardDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="385" />
        <source>Card terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="387" />
        <source>Key {} into the card terminal as a refund.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="389" />
        <source>Key {} into the card terminal.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="394" />
        <source>When it shows APPROVED, type the authorisation code it printed and press Enter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="405" />
        <source>Declined or cancelled (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="406" />
        <source>Approved (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="416" />
        <source>Type the authorisation code the terminal printed (4 to 12 letters or digits)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="124" />
        <source>Stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="130" />
        <source>Scan or type a product, Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="135" />
        <source>Offline: last known figures, as of {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="137" />
        <source>Figures as of the last sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="141" />
        <source>Variant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="141" />
        <source>On hand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="141" />
        <source>Reserved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="141" />
        <source>In transit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="141" />
        <source>Available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="145" />
        <source>Store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="145" />
        <source>Last known</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="145" />
        <source>As of</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="150" />
        <source>Units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="152" />
        <source>Ask that store F2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="153" />
        <source>Reserve F3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="158" />
        <source>Damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="159" />
        <source>Stolen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="160" />
        <source>Found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="161" />
        <source>Returned to the supplier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="168" />
        <source>Adjust here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="171" />
        <source>Adjust F4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="176" />
        <source>Here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="178" />
        <source>Sibling stores</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="225" />
        <source>Choose the product and the store to ask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="239" />
        <source>Choose the product and how many units (− to write off)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="249" />
        <source>Adjust stock: {:+d}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StockService</name>
    <message>
        <location filename="../../pos_app/services/stock.py" line="76" />
        <source>Only a manager may do this</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="98" />
        <source>Nothing matches {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="150" />
        <source>No transfer {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="167" />
        <source>Transfer {} requested</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="187" />
        <source>Nothing picked to ship</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="192" />
        <source>Transfer {} shipped: put the note in the parcel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="202" />
        <source>{}: {} shipped, {} counted: say why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="209" />
        <source>Transfer {} received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="211" />
        <source>: {} unit(s) differ, recorded for both stores and HQ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="218" />
        <source>TRANSFER NOTE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="219" />
        <source>Transfer {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="220" />
        <source>From: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="221" />
        <source>To: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="228" />
        <source>Receiving store: scan this code to open it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="246" />
        <source>No sibling store can spare these</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="261" />
        <source>Count started: scan each item, or type 5* then scan for five</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="267" />
        <source>Start a count first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="273" />
        <source>Type a quantity, *, then scan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="280" />
        <source>{}: {} counted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="300" />
        <source>A manager must approve the count's differences</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="306" />
        <source>Count approved: {} product(s) adjusted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="316" />
        <source>A manager must approve an adjustment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="329" />
        <source>Stock adjusted</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StoreFlow</name>
    <message>
        <location filename="../../pos_app/ui/flows/store.py" line="55" />
        <source>Scan or choose the product to reserve first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/store.py" line="99" />
        <source>Reserved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/store.py" line="99" />
        <source>Release it?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <location filename="../../pos_app/ui/sync_badge.py" line="34" />
        <source>Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/sync_badge.py" line="36" />
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/sync_badge.py" line="38" />
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/sync_badge.py" line="40" />
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n waiting to send</numerusform><numerusform>%n waiting to send</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/sync_badge.py" line="42" />
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform><numerusform>%n rejected</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sync_badge.py" line="45" />
        <source>last sync {}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/sync_badge.py" line="52" />
        <source>OFFLINE: keep selling. Sales are saved on this till and sent when the connection returns (%n waiting). Stock and prices as of the last sync.</source>
        <translation>
            <numerusform>OFFLINE: keep selling. Sales are saved on this till and sent when the connection returns (%n waiting). Stock and prices as of the last sync.</numerusform><numerusform>OFFLINE: keep selling. Sales are saved on this till and sent when the connection returns (%n waiting). Stock and prices as of the last sync.</numerusform></translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="199" />
        <source>Sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="207" />
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="210" />
        <source>Export diagnostics</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="217" />
        <source>Close (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="227" />
        <source>Events the server refused (kept there for HQ to review):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="236" />
        <source>Making the diagnostics file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="245" />
        <source>The diagnostics file could not be written: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="247" />
        <source>Diagnostics saved (no customer data in it): {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="261" />
        <source>never (catalog not loaded yet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="264" />
        <source>just now</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/dialogs.py" line="266" />
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform><numerusform>%n min ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/dialogs.py" line="268" />
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform><numerusform>%n h ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/dialogs.py" line="270" />
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform><numerusform>%n days ago</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="276" />
        <source>not tried yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="276" />
        <source>online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="276" />
        <source>offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="281" />
        <source>{} (the oldest made {})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="283" />
        <source>Connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="284" />
        <source>Sales waiting to be sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="285" />
        <source>VERI*FACTU records waiting to reach HQ, which sends them to the AEAT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="286" />
        <source>Last successful sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="287" />
        <source>Last error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="288" />
        <source>Catalog and stock up to date as of</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="289" />
        <source>Catalog position (cursor)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="300" />
        <source>None</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Till</name>
    <message>
        <location filename="../../pos_app/services/till.py" line="115" />
        <source>Enrolling this till at {}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/services/till.py" line="158" />
        <source>The till's database is damaged: close the till and start it again to repair it</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TillSession</name>
    <message>
        <location filename="../../pos_app/app.py" line="147" />
        <source>The till's database was damaged and has been repaired: {} record(s) recovered, {} sale(s) or other fact(s) waiting to be sent. The damaged file is kept in {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="205" />
        <source>Starting the demo central server…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="207" />
        <source>Demo: Ana, PIN 1234 (cashier) · Luis, PIN 9999 (manager)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="217" />
        <source>This till is not set up: start it again to open the setup wizard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="229" />
        <source>Set-up failed: {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="234" />
        <source>Loading the catalog from the server…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="238" />
        <source>Ready: sign in to start selling</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TransfersDialog</name>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="278" />
        <source>Transfers between stores</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="285" />
        <source>Scan the parcel's transfer note, or type its number, Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="289" />
        <source>To send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="289" />
        <source>Incoming</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="289" />
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="289" />
        <source>Suggestions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="299" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="299" />
        <source>Asked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="299" />
        <source>Shipped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="299" />
        <source>Received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="299" />
        <source>Now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="300" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="306" />
        <source>Accept F2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="307" />
        <source>Decline F3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="308" />
        <source>Ship F4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="309" />
        <source>Receive F5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="310" />
        <source>Note F6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="311" />
        <source>Request F7</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="312" />
        <source>Cancel F8</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="374" />
        <source>requested</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="374" />
        <source>accepted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="374" />
        <source>on its way</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="375" />
        <source>received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="375" />
        <source>declined</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="375" />
        <source>cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="433" />
        <source>Transfer {} opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="455" />
        <source>Transfer note printed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="463" />
        <source>{} transfer(s) requested</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TypedWeightDialog</name>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="119" />
        <source>Type the weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="120" />
        <source>Weight in kilograms, e.g. 0,350</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="130" />
        <source>Back (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="131" />
        <source>Add (Enter)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VariantDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="933" />
        <source>Choose size and colour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="954" />
        <source>Price · units in this store · arrows and Enter, or touch</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WeighDialog</name>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="42" />
        <source>Weigh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="49" />
        <source>Put the item on the scale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="53" />
        <source>Back (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="54" />
        <source>Type the weight (manager)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="55" />
        <source>Weigh again (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="83" />
        <location filename="../../pos_app/ui/weighing.py" line="101" />
        <source>Weighing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="90" />
        <source>Enter: weigh again</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ZReportDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="817" />
        <source>Z report {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="826" />
        <source>Done (Enter)</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
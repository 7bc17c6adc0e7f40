<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="105"/>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="119"/>
        <source>Needs a manager&apos;s approval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="123"/>
        <source>Manager&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="126"/>
        <source>Approve (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="140"/>
        <source>Nobody here can approve this</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34"/>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34"/>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="527"/>
        <source>Close the shift (Z report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="544"/>
        <source>Count the cash in the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="548"/>
        <source>Close shift and print Z (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="559"/>
        <source>No shift is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="563"/>
        <source>Count the drawer first (0 if it is empty)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="342"/>
        <source>Discount or price change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="346"/>
        <source>% off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="347"/>
        <source>Amount off the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="348"/>
        <source>New unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="360"/>
        <source>Apply (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="596"/>
        <source>Full invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="606"/>
        <source>Tax id (NIF/CIF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="607"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="608"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="614"/>
        <source>Issue invoice (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="621"/>
        <source>A tax id and a name are needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="496"/>
        <source>Open the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="505"/>
        <source>Count the cash in the drawer (the float)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="508"/>
        <source>Open shift (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="379"/>
        <source>Parked sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="394"/>
        <source>Resume (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="202"/>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="216"/>
        <source>empty = all that is left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="224"/>
        <source>Cash (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="225"/>
        <source>Card (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="226"/>
        <source>Cancel payment (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="233"/>
        <source>Amount handed over or to charge now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="286"/>
        <source>Waiting for the card terminal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="299"/>
        <source>To pay: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="301"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="303"/>
        <source>Sale total: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="305"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="305"/>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="306"/>
        <source> · change {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="310"/>
        <source>Cash rounding: {}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="171"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="173"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="176"/>
        <source>Confirm (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="184"/>
        <source>Give a reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="99"/>
        <source>Receipt {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="110"/>
        <source>Change: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="112"/>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="116"/>
        <source>Next sale (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="134"/>
        <source>Saved {}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPrinter</name>
    <message>
        <location filename="../../pos_app/services/printing.py" line="75"/>
        <source>No printer is set up: open the drawer with its key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/printing.py" line="96"/>
        <source>The printer did not print ({}). The sale is saved: F12 reprints it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="413"/>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="418"/>
        <source>Scan the receipt&apos;s barcode or type its number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="422"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="422"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="422"/>
        <source>Returnable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="422"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="428"/>
        <source>No receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="435"/>
        <source>Refund (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="446"/>
        <source>No receipt {} at this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="486"/>
        <source>Choose what is returned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaleService</name>
    <message>
        <location filename="../../pos_app/services/selling.py" line="116"/>
        <location filename="../../pos_app/services/selling.py" line="233"/>
        <source>Finish or cancel the payment first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="122"/>
        <source>Quantity must be between 1 and {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="126"/>
        <source>× {}: now scan the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="139"/>
        <source>Unknown barcode {}: search the product by name (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="155"/>
        <source>Nothing was scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="156"/>
        <source>Code {} has {} digits: not a barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="157"/>
        <source>Code {} has a wrong check digit: scan it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="158"/>
        <source>&apos;{}&apos; is not a barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="166"/>
        <source>That product is no longer sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="176"/>
        <source>{} has no price today: call a manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="179"/>
        <source>{} is sold by weight: weigh it and scan the scale&apos;s label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="240"/>
        <source>Removed: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="260"/>
        <source>That discount is beyond your limit: a manager must approve it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="292"/>
        <source>The cart is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="304"/>
        <source>This till is not set up yet: no sale can be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="306"/>
        <source>Sign in first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="308"/>
        <source>Open the shift first (count the float)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="324"/>
        <source>Change: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="342"/>
        <source>Card: {} on the terminal. Ask the customer to follow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="348"/>
        <source>The terminal did not answer: nothing was charged. Try again or pay another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="354"/>
        <source>The terminal failed ({}): nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="362"/>
        <source>Card declined: {}. Pay another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="383"/>
        <source>Payment cancelled: give the cash back to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="414"/>
        <source>The sale could not be saved ({}); the cart is kept, try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="439"/>
        <source>Cancel the payment first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="442"/>
        <source>Say why the sale is voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="445"/>
        <source>Voiding a sale needs a manager&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="465"/>
        <source>Sale voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="493"/>
        <source>Sale parked: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="503"/>
        <source>Finish or park the current sale first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="507"/>
        <source>That parked sale is gone (resumed at another moment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="513"/>
        <source>{} is no longer sold: left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="523"/>
        <source>Sale resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="536"/>
        <source>No receipt {} at this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="556"/>
        <source>Only {} of that line can still be returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="567"/>
        <source>Discount given back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="581"/>
        <source>Finish the sale in progress first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="584"/>
        <source>Choose what is returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="587"/>
        <source>This return needs a manager&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="607"/>
        <source>The card refund failed ({}): nothing was refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="612"/>
        <source>The card refund was declined: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="622"/>
        <source>Refund {} saved: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="629"/>
        <source>No receipt to reprint yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling.py" line="648"/>
        <source>Full invoice {} issued</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaleWindow</name>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="174"/>
        <source>Omni POS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="221"/>
        <source>Scan or type a barcode · 3* then scan for 3 · F2 search by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="250"/>
        <source>− 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="251"/>
        <source>+ 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="252"/>
        <source>Quantity (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="253"/>
        <source>Discount (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="254"/>
        <source>Remove line (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="255"/>
        <source>Search (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="260"/>
        <source>Park F7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="261"/>
        <source>Parked F8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="262"/>
        <source>Return F10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="263"/>
        <source>Reprint F12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="264"/>
        <source>Invoice Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="265"/>
        <source>Cash Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="266"/>
        <source>Close Z Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="267"/>
        <source>Sign out Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="290"/>
        <source>Pay (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="291"/>
        <source>All by card (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="292"/>
        <source>Void sale (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="296"/>
        <source>TOTAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="334"/>
        <source>That language is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="416"/>
        <source>Hello {}: scan the first item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="424"/>
        <source>Shift open with {} in the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="427"/>
        <source>No shift open: sales cannot be saved until it is (Ctrl+L to leave)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="435"/>
        <source>Finish, park or void the sale before signing out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="444"/>
        <source>Cash in or out (an amount below zero takes cash out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="445"/>
        <source>Change from the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="445"/>
        <source>To the safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="445"/>
        <source>Supplier paid in cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="449"/>
        <source>e.g. 50 to put in, -200 to take out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="478"/>
        <source>Cash in: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="478"/>
        <source>Cash out: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="485"/>
        <source>Open the drawer without a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="486"/>
        <source>no sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="491"/>
        <source>Finish, park or void the sale before closing the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="494"/>
        <source>No shift is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="504"/>
        <source>Close the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="537"/>
        <source>Unknown code {}: F2 to search by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="553"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="582"/>
        <source>A discount is between 0 and 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="598"/>
        <source>Void this sale ({})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="599"/>
        <source>Customer changed their mind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="599"/>
        <source>Wrong items rung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="599"/>
        <source>Customer cannot pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="611"/>
        <source>Void the sale ({}): {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="648"/>
        <source>The cart is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="663"/>
        <source>Nothing to park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="668"/>
        <source>No parked sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="687"/>
        <source>Refund without a receipt: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="698"/>
        <source>Return without a receipt: scan the items, then F10 to refund them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="705"/>
        <source>Refund against a receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="715"/>
        <source>No receipt to invoice yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="732"/>
        <source>Sale {} saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="761"/>
        <source>Till not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="768"/>
        <source>Items: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="776"/>
        <source>You save {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="783"/>
        <source>VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="783"/>
        <source>Base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="783"/>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="801"/>
        <source>Loading catalog: {} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="806"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="808"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="810"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="812"/>
        <source>{} waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="814"/>
        <source>{} rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="817"/>
        <source>last sync {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="823"/>
        <source>OFFLINE: keep selling. Sales are saved on this till and sent when the connection returns ({} waiting). Stock and prices as of the last sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="841"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="841"/>
        <source>A sale is in progress and will be lost. Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="38"/>
        <source>Search products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="42"/>
        <source>Name or SKU code, e.g. &apos;camiseta azul&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="45"/>
        <source>↓ to choose · Enter to add · Esc to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="74"/>
        <source>no price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="75"/>
        <source>    ·    {} in store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="82"/>
        <source>Nothing found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftService</name>
    <message>
        <location filename="../../pos_app/services/shift.py" line="45"/>
        <location filename="../../pos_app/services/shift.py" line="65"/>
        <source>Sign in first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="48"/>
        <source>The float cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="69"/>
        <source>This needs a manager&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="78"/>
        <location filename="../../pos_app/services/shift.py" line="94"/>
        <source>Open the shift first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="81"/>
        <source>Enter an amount and a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="113"/>
        <source>No shift is open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="55"/>
        <source>Who is working?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="67"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="84"/>
        <source>↑↓ choose your name · type your PIN · Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="115"/>
        <source>Nobody can sign in yet: the staff list comes with the catalog from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="135"/>
        <source>Choose your name first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffSession</name>
    <message>
        <location filename="../../pos_app/services/session.py" line="37"/>
        <source>Unknown staff member: choose a name from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="40"/>
        <source>A PIN is 4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="45"/>
        <source>Too many wrong PINs: try again in {} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="54"/>
        <source>Wrong PIN. Locked for {} minutes after too many tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="57"/>
        <source>Wrong PIN: {} tries left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="80"/>
        <source>{} may not approve this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="82"/>
        <source>Approval needs another person&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="145"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="153"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="156"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="165"/>
        <source>Events the server refused (kept there for HQ to review):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="174"/>
        <source>never (catalog not loaded yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="177"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/dialogs.py" line="179"/>
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/dialogs.py" line="181"/>
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/dialogs.py" line="183"/>
        <source>%n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="189"/>
        <source>not tried yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="189"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="189"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="191"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="192"/>
        <source>Sales waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="193"/>
        <source>Last successful sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="194"/>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="195"/>
        <source>Catalog and stock up to date as of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="196"/>
        <source>Catalog position (cursor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="207"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Till</name>
    <message>
        <location filename="../../pos_app/services/till.py" line="73"/>
        <source>Enrolling this till at {}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VariantDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="632"/>
        <source>Choose size and colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="649"/>
        <source>Price · units in this store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZReportDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="575"/>
        <source>Z report {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="586"/>
        <source>Done (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="67"/>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../pos_app/app.py" line="91"/>
        <source>Starting the demo central server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="92"/>
        <source>Demo: Ana, PIN 1234 (cashier) · Luis, PIN 9999 (manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="100"/>
        <source>This till is not set up: start it with --server URL --enrol CODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="105"/>
        <source>Set-up failed: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="109"/>
        <source>Loading the catalog from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="111"/>
        <source>Ready: sign in to start selling</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

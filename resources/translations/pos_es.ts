<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="113" />
        <source>Manager approval</source>
        <translation>Autorización del encargado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="127" />
        <source>Needs a manager's approval:</source>
        <translation>Necesita autorización del encargado:</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="131" />
        <source>Manager's PIN</source>
        <translation>PIN del encargado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="134" />
        <source>Approve (Enter)</source>
        <translation>Autorizar (Intro)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="148" />
        <source>Nobody here can approve this</source>
        <translation>Aquí nadie puede autorizar esto</translation>
    </message>
</context>
<context>
    <name>CartFlow</name>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="30" />
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="48" />
        <source>Remove {}</source>
        <translation>Quitar {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="81" />
        <source>Void this sale ({})</source>
        <translation>Anular esta venta ({})</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="82" />
        <source>Customer changed their mind</source>
        <translation>El cliente ha cambiado de idea</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="82" />
        <source>Wrong items rung up</source>
        <translation>Artículos mal marcados</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="82" />
        <source>Customer cannot pay</source>
        <translation>El cliente no puede pagar</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="93" />
        <source>Void the sale ({}): {}</source>
        <translation>Anular la venta ({}): {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="101" />
        <source>Nothing to park</source>
        <translation>Nada que aparcar</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/cart.py" line="106" />
        <source>No parked sales</source>
        <translation>No hay ventas aparcadas</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34" />
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34" />
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34" />
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34" />
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/cart_model.py" line="34" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>Checkout</name>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="41" />
        <source>The cart is empty</source>
        <translation>La cesta está vacía</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="65" />
        <source>Change: {}</source>
        <translation>Cambio: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="76" />
        <source>Identify the member first (F1)</source>
        <translation>Identifica primero al socio (F1)</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="87" />
        <source>{} (may spend here now: {} points)</source>
        <translation>{} (puede gastar aquí ahora: {} puntos)</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="108" />
        <source>Card: {} on the terminal. Ask the customer to follow it.</source>
        <translation>Tarjeta: {} en el datáfono. Pide al cliente que siga sus pasos.</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="117" />
        <source>The terminal did not say whether the card was charged: nothing was recorded. Check the terminal's last receipt before charging again.</source>
        <translation>El datáfono no ha dicho si cobró la tarjeta: no se ha registrado nada. Mira el último ticket del datáfono antes de volver a cobrar.</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="127" />
        <source>Card declined: {}. Pay another way.</source>
        <translation>Tarjeta denegada: {}. Cobra de otra forma.</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="156" />
        <source>the terminal did not receive it</source>
        <translation>el datáfono no lo recibió</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="179" />
        <source>Payment cancelled: give the cash back to the customer</source>
        <translation>Cobro cancelado: devuelve el efectivo al cliente</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/checkout.py" line="225" />
        <source>The sale could not be saved ({}); the cart is kept, try again</source>
        <translation>No se pudo guardar la venta ({}); la cesta se conserva, inténtalo de nuevo</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="663" />
        <source>Close the shift (Z report)</source>
        <translation>Cerrar el turno (informe Z)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="676" />
        <source>Count the cash in the drawer: the total, or each note and coin</source>
        <translation>Cuenta el efectivo del cajón: el total, o billete a billete y moneda a moneda</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="697" />
        <source>Counted: see the Z report (Enter)</source>
        <translation>Contado: ver el informe Z (Intro)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="717" />
        <source>Why does the count differ?</source>
        <translation>¿Por qué no cuadra el arqueo?</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="720" />
        <source>Back to the count (Esc)</source>
        <translation>Volver al recuento (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="721" />
        <source>Close shift and print Z (Enter)</source>
        <translation>Cerrar turno e imprimir Z (Intro)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="775" />
        <source>{} is not an amount</source>
        <translation>{} no es un importe</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="779" />
        <source>No shift is open</source>
        <translation>No hay turno abierto</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="787" />
        <source>Counted {counted}, expected {expected}: {off} over</source>
        <translation>Contado {counted}, esperado {expected}: sobran {off}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="789" />
        <source>Counted {counted}, expected {expected}: {off} short</source>
        <translation>Contado {counted}, esperado {expected}: faltan {off}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="791" />
        <source>The count matches the expected cash</source>
        <translation>El arqueo cuadra con el efectivo esperado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="806" />
        <source>Say why the count differs from the expected cash</source>
        <translation>Di por qué el arqueo no cuadra con el efectivo esperado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="770" />
        <source>Count the drawer first (0 if it is empty)</source>
        <translation>Cuenta primero el cajón (0 si está vacío)</translation>
    </message>
</context>
<context>
    <name>CountDialog</name>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="489" />
        <source>Stock count</source>
        <translation>Recuento de stock</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="494" />
        <source>Everything in the store</source>
        <translation>Toda la tienda</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="496" />
        <source>Family: {}</source>
        <translation>Familia: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="497" />
        <source>A location (type its name)</source>
        <translation>Una ubicación (escribe su nombre)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="499" />
        <source>Location, e.g. Almacén</source>
        <translation>Ubicación, p. ej. Almacén</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="500" />
        <source>Blind</source>
        <translation>A ciegas</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="501" />
        <source>Expected figures hidden until the review</source>
        <translation>Cifras esperadas ocultas hasta la revisión</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="506" />
        <source>Scan each item · 5* then scan for five</source>
        <translation>Escanea cada artículo · 5* y escanea para cinco</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="510" />
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="510" />
        <source>Counted</source>
        <translation>Contado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="510" />
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="510" />
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="516" />
        <source>Start F2</source>
        <translation>Empezar F2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="518" />
        <source>Review F3</source>
        <translation>Revisar F3</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="519" />
        <source>Approve F4</source>
        <translation>Aprobar F4</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="520" />
        <source>Abandon F8</source>
        <translation>Abandonar F8</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="537" />
        <source>No count in progress: choose what to count, F2</source>
        <translation>No hay recuento en curso: elige qué contar, F2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="542" />
        <source> · blind</source>
        <translation> · a ciegas</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="543" />
        <source>Counting: {}{}</source>
        <translation>Contando: {}{}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="561" />
        <source>Type the location's name</source>
        <translation>Escribe el nombre de la ubicación</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="580" />
        <source>{} difference(s) to approve: F4</source>
        <translation>{} diferencia(s) por aprobar: F4</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="591" />
        <source>Approve the count</source>
        <translation>Aprobar el recuento</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="609" />
        <source>Count abandoned: nothing adjusted</source>
        <translation>Recuento abandonado: no se ajusta nada</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="75" />
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="81" />
        <source>Card, phone, e-mail or name</source>
        <translation>Tarjeta, teléfono, correo o nombre</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="93" />
        <source>New member (Ctrl+N)</source>
        <translation>Nuevo socio (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="94" />
        <source>No member for this sale (Ctrl+Del)</source>
        <translation>Sin socio en esta venta (Ctrl+Supr)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="95" />
        <source>Choose (Enter)</source>
        <translation>Elegir (Intro)</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="36" />
        <source>Customer display</source>
        <translation>Visor del cliente</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="37" />
        <source>Welcome to {}</source>
        <translation>Bienvenido a {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="37" />
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="90" />
        <location filename="../../pos_app/ui/customer_display.py" line="105" />
        <source>Total: {}</source>
        <translation>Total: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="99" />
        <source>Paid {paid} · to pay {left}</source>
        <translation>Pagado {paid} · falta {left}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="107" />
        <source>Change: {}  ·  Thank you!</source>
        <translation>Cambio: {}  ·  ¡Gracias!</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="107" />
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer_display.py" line="114" />
        <source>Hello {name} · {points} points</source>
        <translation>Hola {name} · {points} puntos</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="247" />
        <source>Offers for this member:</source>
        <translation>Ofertas para este socio:</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="260" />
        <source>{} points</source>
        <translation>{} puntos</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="261" />
        <source>may spend here now: {} ({})</source>
        <translation>puede gastar aquí ahora: {} ({})</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="265" />
        <source>not yet confirmed by HQ: +{} −{}</source>
        <translation>pendiente de confirmar por la central: +{} −{}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="277" />
        <source>Recent purchases, every channel:</source>
        <translation>Compras recientes, todos los canales:</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="279" />
        <source>Recent purchases at this till (offline):</source>
        <translation>Compras recientes en esta caja (sin conexión):</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="286" />
        <source>none yet</source>
        <translation>ninguna todavía</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="288" />
        <source>You could suggest:</source>
        <translation>Puedes sugerir:</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="292" />
        <source>web</source>
        <translation>web</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="292" />
        <source>store</source>
        <translation>tienda</translation>
    </message>
</context>
<context>
    <name>Customers</name>
    <message>
        <location filename="../../pos_app/services/selling/customers.py" line="36" />
        <source>No member found for '{}'</source>
        <translation>Ningún socio con «{}»</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/customers.py" line="44" />
        <source>This till is not set up yet: no sale can be saved</source>
        <translation>Esta caja aún no está configurada: no se pueden guardar ventas</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/customers.py" line="52" />
        <source>Already a member: {} ({}). Not enrolled twice.</source>
        <translation>Ya es socio: {} ({}). No se da de alta dos veces.</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/customers.py" line="59" />
        <source>Welcome, {}: card {}</source>
        <translation>Bienvenido/a, {}: tarjeta {}</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="426" />
        <source>Discount or price change</source>
        <translation>Descuento o cambio de precio</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="430" />
        <source>% off</source>
        <translation>% de descuento</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="431" />
        <source>Amount off the line</source>
        <translation>Importe de descuento en la línea</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="432" />
        <source>New unit price</source>
        <translation>Nuevo precio unitario</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="444" />
        <source>Apply (Enter)</source>
        <translation>Aplicar (Intro)</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="155" />
        <source>New member</source>
        <translation>Nuevo socio</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="167" />
        <source>The customer agrees to receive offers (ask; never tick it for them)</source>
        <translation>El cliente acepta recibir ofertas (pregúntale; nunca lo marques por él)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="177" />
        <source>Name and surname</source>
        <translation>Nombre y apellidos</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="178" />
        <source>Mobile phone</source>
        <translation>Teléfono móvil</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="179" />
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="183" />
        <source>A phone or an e-mail is needed; nothing else is asked.</source>
        <translation>Hace falta un teléfono o un correo; no se pide nada más.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/customer.py" line="186" />
        <source>Enrol (Enter)</source>
        <translation>Dar de alta (Intro)</translation>
    </message>
</context>
<context>
    <name>FindingFlow</name>
    <message>
        <location filename="../../pos_app/ui/flows/finding.py" line="52" />
        <source>Unknown code {}: F2 to search by name</source>
        <translation>Código {} desconocido: F2 para buscar por nombre</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/finding.py" line="63" />
        <source>{} was not weighed: choose it again</source>
        <translation>{} no se ha pesado: vuelve a elegirlo</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/finding.py" line="90" />
        <source>Type the weight of {}</source>
        <translation>Teclear el peso de {}</translation>
    </message>
</context>
<context>
    <name>Holds</name>
    <message>
        <location filename="../../pos_app/services/selling/holds.py" line="35" />
        <source>Sale parked: {}</source>
        <translation>Venta aparcada: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/holds.py" line="45" />
        <source>Finish or park the current sale first</source>
        <translation>Termina o aparca antes la venta en curso</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/holds.py" line="49" />
        <source>That parked sale is gone (resumed at another moment)</source>
        <translation>Esa venta aparcada ya no está (se recuperó antes)</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/holds.py" line="55" />
        <source>{} is no longer sold: left out</source>
        <translation>{} ya no se vende: se deja fuera</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/holds.py" line="64" />
        <source>Sale resumed</source>
        <translation>Venta recuperada</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="836" />
        <source>Full invoice</source>
        <translation>Factura completa</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="846" />
        <source>Tax id (NIF/CIF)</source>
        <translation>NIF/CIF</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="847" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="848" />
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="854" />
        <source>Issue invoice (Enter)</source>
        <translation>Emitir factura (Intro)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="861" />
        <source>A tax id and a name are needed</source>
        <translation>Hacen falta NIF y nombre</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="866" />
        <source>{} is not a valid Spanish NIF: check it with the customer</source>
        <translation>{} no es un NIF español válido: compruébelo con el cliente</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="35" />
        <source>OK</source>
        <translation>Entrar</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="629" />
        <source>Open the shift</source>
        <translation>Abrir el turno</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="638" />
        <source>Count the cash in the drawer (the float)</source>
        <translation>Cuenta el efectivo del cajón (fondo de caja)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="641" />
        <source>Open shift (Enter)</source>
        <translation>Abrir turno (Intro)</translation>
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="463" />
        <source>Parked sales</source>
        <translation>Ventas aparcadas</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="478" />
        <source>Resume (Enter)</source>
        <translation>Recuperar (Intro)</translation>
    </message>
</context>
<context>
    <name>PayingFlow</name>
    <message>
        <location filename="../../pos_app/ui/flows/paying.py" line="21" />
        <source>The cart is empty</source>
        <translation>La cesta está vacía</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/paying.py" line="58" />
        <source>Sale {} saved</source>
        <translation>Venta {} guardada</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/paying.py" line="69" />
        <source>No receipt to invoice yet</source>
        <translation>Aún no hay ticket que facturar</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/paying.py" line="73" />
        <source>Cancel full invoice</source>
        <translation>Anular factura completa</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/paying.py" line="74" />
        <source>Receipt {} already has full invoice {}. Cancel that invoice?</source>
        <translation>El ticket {} ya tiene la factura completa {}. ¿Anular esa factura?</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="218" />
        <source>Payment</source>
        <translation>Cobro</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="232" />
        <source>empty = all that is left</source>
        <translation>vacío = todo lo pendiente</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="240" />
        <source>Cash (Enter)</source>
        <translation>Efectivo (Intro)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="241" />
        <source>Card (F6)</source>
        <translation>Tarjeta (F6)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="242" />
        <source>Points (F4)</source>
        <translation>Puntos (F4)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="244" />
        <source>Cancel payment (Esc)</source>
        <translation>Cancelar cobro (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="252" />
        <source>Amount handed over or to charge now</source>
        <translation>Importe entregado o a cobrar ahora</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="320" />
        <source>Waiting for the card terminal…</source>
        <translation>Esperando al datáfono…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="335" />
        <source>To pay: {}</source>
        <translation>A pagar: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="337" />
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="339" />
        <source>Sale total: {}</source>
        <translation>Total de la venta: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="341" />
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="341" />
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="341" />
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="343" />
        <source> · change {}</source>
        <translation> · cambio {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="347" />
        <source>Cash rounding: {}</source>
        <translation>Redondeo de efectivo: {}</translation>
    </message>
</context>
<context>
    <name>PickupDialog</name>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="50" />
        <source>Pickups and reservations</source>
        <translation>Recogidas y reservas</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="54" />
        <source>New</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="55" />
        <source>Picking</source>
        <translation>Preparando</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="56" />
        <source>Ready</source>
        <translation>Listos</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="57" />
        <source>Overdue</source>
        <translation>Vencidos</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="58" />
        <source>Problem</source>
        <translation>Incidencia</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="63" />
        <source>Scan the pickup code, or type a name, card or order number · Enter</source>
        <translation>Escanea el código de recogida, o escribe nombre, tarjeta o n.º de pedido · Intro</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="91" />
        <source>Identity checked: ID, or the code on the customer's phone (F5)</source>
        <translation>Identidad comprobada: DNI, o el código en el móvil del cliente (F5)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="95" />
        <source>Substitute: product code or barcode, then F9</source>
        <translation>Sustituto: código o código de barras, luego F9</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="105" />
        <source>Picking F2</source>
        <translation>Preparar F2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="106" />
        <source>Ready F3</source>
        <translation>Listo F3</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="107" />
        <source>Hand over F4</source>
        <translation>Entregar F4</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="108" />
        <source>What is here F7</source>
        <translation>Lo que hay F7</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="113" />
        <source>Substitute F9</source>
        <translation>Sustituir F9</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="114" />
        <source>Transfer F6</source>
        <translation>Traspaso F6</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="115" />
        <source>Expire F8</source>
        <translation>Caducar F8</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="122" />
        <source>Pick list</source>
        <translation>Lista de preparación</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="128" />
        <source>Transfer from</source>
        <translation>Traspaso desde</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="161" />
        <source> · until {}</source>
        <translation> · hasta {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="182" />
        <source>No orders here</source>
        <translation>No hay pedidos aquí</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="186" />
        <source>Click&amp;collect</source>
        <translation>Click&amp;collect</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="186" />
        <source>Reservation</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="187" />
        <source>paid online</source>
        <translation>pagado online</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="187" />
        <source>to pay here</source>
        <translation>a pagar aquí</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="191" />
        <source>Pickup until {}</source>
        <translation>Recoger hasta {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="194" />
        <source>{} · {} · code {}</source>
        <translation>{} · {} · código {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="201" />
        <source>{} × {}  ({}) · here: {}</source>
        <translation>{} × {}  ({}) · aquí: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="219" />
        <source>No order matches {}</source>
        <translation>Ningún pedido coincide con {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="228" />
        <source>{} orders match: showing the first</source>
        <translation>{} pedidos coinciden: se muestra el primero</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="230" />
        <source>Order {} found by its pickup code</source>
        <translation>Pedido {} encontrado por su código de recogida</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="234" />
        <location filename="../../pos_app/ui/pickup.py" line="266" />
        <source>Choose an order first</source>
        <translation>Elige antes un pedido</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="260" />
        <source>No sibling store to ask</source>
        <translation>No hay otra tienda a la que pedirlo</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="273" />
        <source>Not everything is here: F7 hands over what is, F9 substitutes, F6 asks a transfer</source>
        <translation>No está todo: F7 entrega lo que hay, F9 sustituye, F6 pide un traspaso</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="290" />
        <source>Every item is here: nothing to substitute</source>
        <translation>Está todo: nada que sustituir</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="302" />
        <source>Substitute {} for {}</source>
        <translation>Sustituir {} por {}</translation>
    </message>
</context>
<context>
    <name>PickupService</name>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="126" />
        <location filename="../../pos_app/services/pickup.py" line="180" />
        <source>Could not save it ({}): try again</source>
        <translation>No se pudo guardar ({}): inténtalo de nuevo</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="132" />
        <source>Order {} is not waiting to be picked</source>
        <translation>El pedido {} no está pendiente de preparar</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="138" />
        <source>Order {} cannot be made ready now</source>
        <translation>El pedido {} no puede marcarse como listo ahora</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="144" />
        <source>{}: {} here for {} ordered. Hand over what is here, substitute or ask a transfer.</source>
        <translation>{}: {} aquí para {} pedidos. Entrega lo que hay, sustituye o pide un traspaso.</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="150" />
        <source>Order {} is ready: the customer will be told</source>
        <translation>Pedido {} listo: se avisará al cliente</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="158" />
        <source>Order {} is still within its pickup window</source>
        <translation>El pedido {} aún está en su plazo de recogida</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="161" />
        <source>Order {} expired: its units are on sale again</source>
        <translation>Pedido {} caducado: sus unidades vuelven a la venta</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="176" />
        <source>for order {}</source>
        <translation>para el pedido {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="182" />
        <source>Transfer {} requested for order {}</source>
        <translation>Traspaso {} pedido para el pedido {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="196" />
        <source>Order {} is {}: only a ready order is handed over</source>
        <translation>El pedido {} está {}: solo se entrega un pedido listo</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="199" />
        <source>Check the customer's identity first (name, ID or the code on their phone)</source>
        <translation>Comprueba antes la identidad del cliente (nombre, DNI o el código en su móvil)</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="203" />
        <source>Nothing to hand over</source>
        <translation>Nada que entregar</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="206" />
        <source>A substitute needs a manager's approval</source>
        <translation>Un sustituto necesita la autorización de un encargado</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="215" />
        <source>Order {} handed over</source>
        <translation>Pedido {} entregado</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="222" />
        <source>PICKUP RECEIPT</source>
        <translation>JUSTIFICANTE DE RECOGIDA</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="223" />
        <source>Order {}   {}</source>
        <translation>Pedido {}   {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="224" />
        <source>Customer: {}</source>
        <translation>Cliente: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="225" />
        <source>Paid online</source>
        <translation>Pagado online</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="225" />
        <source>Paid at the counter</source>
        <translation>Pagado en tienda</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="232" />
        <source>{} x {} (substitute)</source>
        <translation>{} x {} (sustituto)</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="235" />
        <source>{} unit(s) not handed over</source>
        <translation>{} unidad(es) sin entregar</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="236" />
        <source>Received by the customer</source>
        <translation>Recibido por el cliente</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="246" />
        <source>Unknown product {}</source>
        <translation>Producto desconocido {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="268" />
        <source>Who is it for? Type the customer's name</source>
        <translation>¿Para quién es? Escribe el nombre del cliente</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="282" />
        <source>Only {} free there: not reserved</source>
        <translation>Solo hay {} libres allí: no se ha reservado</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/pickup.py" line="290" />
        <source>Reserved: order {}, pickup code {}</source>
        <translation>Reservado: pedido {}, código de recogida {}</translation>
    </message>
</context>
<context>
    <name>QuickKeysDialog</name>
    <message>
        <location filename="../../pos_app/ui/quick_keys.py" line="39" />
        <source>Favourites</source>
        <translation>Favoritos</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/quick_keys.py" line="53" />
        <source>This store has no favourites yet: HQ sets them</source>
        <translation>Esta tienda aún no tiene favoritos: los pone la central</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/quick_keys.py" line="55" />
        <source>Touch one, or the arrows and Enter · Esc to go back</source>
        <translation>Toca uno, o flechas e Intro · Esc para volver</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/quick_keys.py" line="58" />
        <source>Back (Esc)</source>
        <translation>Volver (Esc)</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="182" />
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="184" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="187" />
        <source>Confirm (Enter)</source>
        <translation>Confirmar (Intro)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="199" />
        <source>Give a reason</source>
        <translation>Indica un motivo</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="126" />
        <source>Receipt {}</source>
        <translation>Ticket {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="134" />
        <source>Change: {}</source>
        <translation>Cambio: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="136" />
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="140" />
        <source>Next sale (Enter)</source>
        <translation>Siguiente venta (Intro)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="188" />
        <source>Saved {}</source>
        <translation>Guardado {}</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinter</name>
    <message>
        <location filename="../../pos_app/services/printing.py" line="91" />
        <source>No printer is set up: open the drawer with its key</source>
        <translation>No hay impresora configurada: abre el cajón con su llave</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/printing.py" line="112" />
        <source>The printer did not print ({}). The sale is saved: F12 reprints it.</source>
        <translation>La impresora no imprimió ({}). La venta está guardada: F12 la reimprime.</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <location filename="../../pos_app/services/selling/receipts.py" line="26" />
        <source>No receipt to reprint yet</source>
        <translation>Aún no hay ticket que reimprimir</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/receipts.py" line="42" />
        <source>{} is not a valid Spanish NIF: check it with the customer</source>
        <translation>{} no es un NIF español válido: compruébelo con el cliente</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/receipts.py" line="48" />
        <source>Full invoice {} issued</source>
        <translation>Factura completa {} emitida</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/receipts.py" line="64" />
        <source>This receipt has no full invoice to cancel</source>
        <translation>Este ticket no tiene factura completa que anular</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/receipts.py" line="66" />
        <source>Full invoice {} cancelled: the receipt can be invoiced again</source>
        <translation>Factura completa {} anulada: el ticket puede facturarse de nuevo</translation>
    </message>
</context>
<context>
    <name>ReserveDialog</name>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="351" />
        <source>Reserve for a customer</source>
        <translation>Reservar para un cliente</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="356" />
        <source>Here ({} free)</source>
        <translation>Aquí ({} libres)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="358" />
        <source>{} ({} last known)</source>
        <translation>{} ({} según el último dato)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="361" />
        <source>Customer's name</source>
        <translation>Nombre del cliente</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="364" />
        <source>Phone (optional)</source>
        <translation>Teléfono (opcional)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="370" />
        <source> day(s)</source>
        <translation> día(s)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="380" />
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="381" />
        <source>For</source>
        <translation>Para</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="383" />
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="384" />
        <source>Hold for</source>
        <translation>Guardar durante</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/pickup.py" line="391" />
        <source>Reserve (Enter)</source>
        <translation>Reservar (Intro)</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="497" />
        <source>Return</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="502" />
        <source>Scan the receipt's barcode or type its number</source>
        <translation>Escanea el código del ticket o teclea su número</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="506" />
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="506" />
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="506" />
        <source>Returnable</source>
        <translation>Devolvible</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="506" />
        <source>Back</source>
        <translation>Devuelve</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="515" />
        <source>No receipt…</source>
        <translation>Sin ticket…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="523" />
        <source>Refund (Enter)</source>
        <translation>Devolver (Intro)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="535" />
        <source>Not from this till: asking HQ for receipt {}…</source>
        <translation>No es de esta caja: pidiendo a la central el ticket {}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="576" />
        <source>To refund: {}</source>
        <translation>A devolver: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="619" />
        <source>Choose what is returned</source>
        <translation>Elige qué se devuelve</translation>
    </message>
</context>
<context>
    <name>Returns</name>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="50" />
        <source>No receipt {} at this till</source>
        <translation>No hay ticket {} en esta caja</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="57" />
        <source>Receipt {} is not from this till and HQ cannot be reached now: take the return when the connection is back, or at the till that sold it</source>
        <translation>El ticket {} no es de esta caja y ahora no se puede consultar a la central: haz la devolución cuando vuelva la conexión, o en la caja que lo vendió</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="61" />
        <source>No receipt {} in the chain (or its till has not sent it yet)</source>
        <translation>No hay ningún ticket {} en la cadena (o su caja aún no lo ha enviado)</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="84" />
        <source>Only {} of that line can still be returned</source>
        <translation>De esa línea solo se pueden devolver {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="96" />
        <source>Discount given back</source>
        <translation>Descuento devuelto</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="110" />
        <source>Finish the sale in progress first</source>
        <translation>Termina antes la venta en curso</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="113" />
        <source>Choose what is returned</source>
        <translation>Elige qué se devuelve</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="116" />
        <source>This return needs a manager's approval</source>
        <translation>Esta devolución necesita autorización del encargado</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="138" />
        <source>The terminal did not say whether the card was refunded: nothing was recorded. Check the terminal's last receipt.</source>
        <translation>El datáfono no ha dicho si devolvió el importe a la tarjeta: no se ha registrado nada. Mira el último ticket del datáfono.</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="147" />
        <source>The card refund was declined: {}</source>
        <translation>La devolución con tarjeta fue denegada: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/returns.py" line="157" />
        <source>Refund {} saved: {}</source>
        <translation>Devolución {} guardada: {}</translation>
    </message>
</context>
<context>
    <name>ReturnsFlow</name>
    <message>
        <location filename="../../pos_app/ui/flows/returns.py" line="18" />
        <source>Refund without a receipt: {}</source>
        <translation>Devolución sin ticket: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/returns.py" line="28" />
        <source>Return without a receipt: scan the items, then F10 to refund them</source>
        <translation>Devolución sin ticket: escanea los artículos y pulsa F10 para devolverlos</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/returns.py" line="35" />
        <source>Refund against a receipt</source>
        <translation>Devolución con ticket</translation>
    </message>
</context>
<context>
    <name>SalePage</name>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="56" />
        <source>Scan or type a barcode · 3* then scan for 3 · F2 search by name</source>
        <translation>Escanea o teclea un código · 3* y escanea para 3 · F2 buscar por nombre</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="109" />
        <source>Pay (F5)</source>
        <translation>Cobrar (F5)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="110" />
        <source>All by card (F6)</source>
        <translation>Todo con tarjeta (F6)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="111" />
        <source>Void sale (F9)</source>
        <translation>Anular venta (F9)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="128" />
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="170" />
        <source>Items: {}</source>
        <translation>Artículos: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="178" />
        <source>You save {}</source>
        <translation>Ahorras {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="185" />
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="185" />
        <source>Base</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sale_page.py" line="185" />
        <source>Tax</source>
        <translation>Cuota</translation>
    </message>
</context>
<context>
    <name>SaleService</name>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="159" />
        <location filename="../../pos_app/services/selling/sale.py" line="202" />
        <location filename="../../pos_app/services/selling/sale.py" line="428" />
        <source>Finish or cancel the payment first</source>
        <translation>Termina o cancela antes el cobro</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="208" />
        <source>Quantity must be between 1 and {}</source>
        <translation>La cantidad va de 1 a {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="212" />
        <source>× {}: now scan the item</source>
        <translation>× {}: ahora escanea el artículo</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="231" />
        <source>Unknown barcode {}: search the product by name (F2)</source>
        <translation>Código {} desconocido: busca el producto por nombre (F2)</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="257" />
        <source>That product is no longer sold</source>
        <translation>Ese producto ya no se vende</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="267" />
        <source>{} has no price today: call a manager</source>
        <translation>{} no tiene precio hoy: llama a un encargado</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="446" />
        <source>Removed: {}</source>
        <translation>Quitado: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="476" />
        <source>That discount is beyond your limit: a manager must approve it</source>
        <translation>Ese descuento supera tu límite: debe autorizarlo un encargado</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="505" />
        <source>This till is not set up yet: no sale can be saved</source>
        <translation>Esta caja aún no está configurada: no se pueden guardar ventas</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="174" />
        <source>Member: {} · {} · {} points</source>
        <translation>Socio: {} · {} · {} puntos</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="272" />
        <source>{} is sold by weight: weighing it</source>
        <translation>{} se vende al peso: a pesarlo</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="316" />
        <source>{}: reserved for order {} ({}). Only a manager can release it.</source>
        <translation>{}: reservado para el pedido {} ({}). Solo un encargado puede liberarlo.</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="333" />
        <source>Releasing reserved units needs a manager's approval</source>
        <translation>Liberar unidades reservadas necesita la autorización de un encargado</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="362" />
        <source>Finish or park the sale in progress first</source>
        <translation>Termina o aparca antes la venta en curso</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="379" />
        <source>Order {}: take the payment</source>
        <translation>Pedido {}: cobra el importe</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="432" />
        <source>Removing more lines from this sale needs a manager's approval</source>
        <translation>Quitar más líneas de esta venta necesita la aprobación de un encargado</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="507" />
        <source>Sign in first</source>
        <translation>Identifícate primero</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="509" />
        <source>Open the shift first (count the float)</source>
        <translation>Abre antes el turno (cuenta el fondo de caja)</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="522" />
        <source>Cancel the payment first</source>
        <translation>Cancela antes el cobro</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="525" />
        <source>Say why the sale is voided</source>
        <translation>Indica por qué se anula la venta</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="528" />
        <source>Voiding a sale needs a manager's approval</source>
        <translation>Anular una venta necesita autorización del encargado</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/selling/sale.py" line="547" />
        <source>Sale voided</source>
        <translation>Venta anulada</translation>
    </message>
</context>
<context>
    <name>SaleWindow</name>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="195" />
        <source>Omni POS</source>
        <translation>Omni TPV</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="250" />
        <source>− 1</source>
        <translation>− 1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="251" />
        <source>+ 1</source>
        <translation>+ 1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="252" />
        <source>Quantity (F4)</source>
        <translation>Cantidad (F4)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="253" />
        <source>Discount (F3)</source>
        <translation>Descuento (F3)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="254" />
        <source>Remove line (Del)</source>
        <translation>Quitar línea (Supr)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="255" />
        <source>Search (F2)</source>
        <translation>Buscar (F2)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="259" />
        <source>Customer F1</source>
        <translation>Cliente F1</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="260" />
        <source>Pickups Ctrl+P</source>
        <translation>Recogidas Ctrl+P</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="261" />
        <source>Reserve Ctrl+R</source>
        <translation>Reservar Ctrl+R</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="262" />
        <source>Stock Ctrl+K</source>
        <translation>Stock Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="263" />
        <source>Transfers Ctrl+T</source>
        <translation>Traspasos Ctrl+T</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="264" />
        <source>Count Ctrl+U</source>
        <translation>Recuento Ctrl+U</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="265" />
        <source>Park F7</source>
        <translation>Aparcar F7</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="266" />
        <source>Parked F8</source>
        <translation>Aparcadas F8</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="267" />
        <source>Return F10</source>
        <translation>Devolución F10</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="268" />
        <source>Reprint F12</source>
        <translation>Reimprimir F12</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="269" />
        <source>Invoice Ctrl+I</source>
        <translation>Factura Ctrl+I</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="270" />
        <source>Cash Ctrl+E</source>
        <translation>Caja Ctrl+E</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="271" />
        <source>Drawer Ctrl+D</source>
        <translation>Cajón Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="272" />
        <source>Close Z Ctrl+Z</source>
        <translation>Cierre Z Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="273" />
        <source>Sign out Ctrl+L</source>
        <translation>Salir Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="274" />
        <source>Sync F11</source>
        <translation>Sincronía F11</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="256" />
        <source>Favourites Ctrl+F</source>
        <translation>Favoritos Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="300" />
        <source>That language is not installed</source>
        <translation>Ese idioma no está instalado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="428" />
        <source>Hello {}: scan the first item</source>
        <translation>Hola {}: escanea el primer artículo</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="454" />
        <source>Till not set up</source>
        <translation>Caja sin configurar</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="466" />
        <source>Loading catalog: {} rows</source>
        <translation>Cargando catálogo: {} filas</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="489" />
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/main_window.py" line="489" />
        <source>A sale is in progress and will be lost. Quit anyway?</source>
        <translation>Hay una venta en curso y se perderá. ¿Salir igualmente?</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="47" />
        <source>Search products</source>
        <translation>Buscar productos</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="51" />
        <source>Name or SKU code, e.g. 'camiseta azul'</source>
        <translation>Nombre o código, p. ej. 'camiseta azul'</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="54" />
        <source>↓ to choose · Enter to add · Esc to close</source>
        <translation>↓ para elegir · Intro para añadir · Esc para cerrar</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="83" />
        <source>no price</source>
        <translation>sin precio</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="84" />
        <source>    ·    {} in store</source>
        <translation>    ·    {} en tienda</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="91" />
        <source>Nothing found</source>
        <translation>Nada encontrado</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="44" />
        <source>Omni POS: set up this till</source>
        <translation>Omni POS: configurar esta caja</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="51" />
        <source>Set up this till</source>
        <translation>Configurar esta caja</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="55" />
        <source>Type the central server's address and the enrolment code for this till (HQ prints it with pos-server create-till). The till then loads the catalog and is ready to sell.</source>
        <translation>Escribe la dirección del servidor central y el código de alta de esta caja (la central lo imprime con pos-server create-till). La caja carga entonces el catálogo y queda lista para vender.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="64" />
        <source>e.g. K7Q2-M9XD</source>
        <translation>p. ej. K7Q2-M9XD</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="67" />
        <source>only if the chain uses its own certificate authority</source>
        <translation>solo si la cadena usa su propia autoridad de certificación</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="68" />
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="75" />
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="76" />
        <source>Enrolment code</source>
        <translation>Código de alta</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="77" />
        <source>CA certificate</source>
        <translation>Certificado de la CA</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="84" />
        <source>Set up (Enter)</source>
        <translation>Configurar (Intro)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="86" />
        <source>Quit (Esc)</source>
        <translation>Salir (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="113" />
        <source>The chain's CA certificate</source>
        <translation>El certificado de la CA de la cadena</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="113" />
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificados (*.pem *.crt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="131" />
        <source>Setting up…</source>
        <translation>Configurando…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="139" />
        <source>Not set up: {}</source>
        <translation>No configurada: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="148" />
        <source>{} is set up. Opening the till…</source>
        <translation>{} está configurada. Abriendo la caja…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="153" />
        <source>Enrolling at {}…</source>
        <translation>Dando de alta en {}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="154" />
        <source>Enrolled as {}. Loading the catalog…</source>
        <translation>Dada de alta como {}. Cargando el catálogo…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="155" />
        <source>Loading the catalog: {} rows</source>
        <translation>Cargando el catálogo: {} filas</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/setup.py" line="156" />
        <source>Catalog loaded: {} rows</source>
        <translation>Catálogo cargado: {} filas</translation>
    </message>
</context>
<context>
    <name>ShiftFlow</name>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="19" />
        <source>Shift open with {} in the drawer</source>
        <translation>Turno abierto con {} en el cajón</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="21" />
        <source>No shift open: sales cannot be saved until it is (Ctrl+L to leave)</source>
        <translation>Sin turno abierto no se pueden guardar ventas (Ctrl+L para salir)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="27" />
        <source>Finish, park or void the sale before signing out</source>
        <translation>Termina, aparca o anula la venta antes de salir</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="36" />
        <source>Cash in or out (an amount below zero takes cash out)</source>
        <translation>Entrada o salida de efectivo (importe negativo: salida)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="37" />
        <source>Change from the bank</source>
        <translation>Cambio del banco</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="37" />
        <source>To the safe</source>
        <translation>A la caja fuerte</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="37" />
        <source>Supplier paid in cash</source>
        <translation>Pago a proveedor en efectivo</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="41" />
        <source>e.g. 50 to put in, -200 to take out</source>
        <translation>p. ej. 50 para meter, -200 para sacar</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="60" />
        <source>Cash in: {}</source>
        <translation>Entrada de efectivo: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="60" />
        <source>Cash out: {}</source>
        <translation>Salida de efectivo: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="67" />
        <source>Open the drawer without a sale</source>
        <translation>Abrir el cajón sin venta</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="68" />
        <source>no sale</source>
        <translation>sin venta</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="73" />
        <source>Finish, park or void the sale before closing the shift</source>
        <translation>Termina, aparca o anula la venta antes de cerrar el turno</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="76" />
        <source>No shift is open</source>
        <translation>No hay turno abierto</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/shift.py" line="87" />
        <source>Close the shift</source>
        <translation>Cerrar el turno</translation>
    </message>
</context>
<context>
    <name>ShiftService</name>
    <message>
        <location filename="../../pos_app/services/shift.py" line="40" />
        <location filename="../../pos_app/services/shift.py" line="70" />
        <source>Sign in first</source>
        <translation>Identifícate primero</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="43" />
        <source>The float cannot be negative</source>
        <translation>El fondo de caja no puede ser negativo</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="51" />
        <source>This till has no issuer data (the company's legal name, NIF and address) from HQ yet: no lawful receipt can be printed. HQ sets them with pos-server set-company; then sync.</source>
        <translation>Esta caja aún no tiene los datos del emisor (razón social, NIF y domicilio de la empresa) de la central: no puede emitir tickets legales. La central los fija con pos-server set-company; después, sincroniza.</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="74" />
        <source>This needs a manager's approval</source>
        <translation>Esto necesita autorización del encargado</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="83" />
        <location filename="../../pos_app/services/shift.py" line="98" />
        <source>Open the shift first</source>
        <translation>Abre antes el turno</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="86" />
        <source>Enter an amount and a reason</source>
        <translation>Indica importe y motivo</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="124" />
        <source>No shift is open</source>
        <translation>No hay turno abierto</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/shift.py" line="128" />
        <source>Say why the count differs from the expected cash</source>
        <translation>Di por qué el arqueo no cuadra con el efectivo esperado</translation>
    </message>
</context>
<context>
    <name>ShopDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="78" />
        <source>Back (Esc)</source>
        <translation>Volver (Esc)</translation>
    </message>
</context>
<context>
    <name>ShopError</name>
    <message>
        <location filename="../../pos_app/services/explain.py" line="12" />
        <source>'{text}' is not a quantity: type a whole number</source>
        <translation>«{text}» no es una cantidad: escribe un número entero</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="13" />
        <source>Quantity must be between 1 and {most}</source>
        <translation>La cantidad debe estar entre 1 y {most}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="14" />
        <source>A weighed item's quantity is its weight: remove it and weigh again</source>
        <translation>La cantidad de un artículo pesado es su peso: quítalo y vuelve a pesarlo</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="17" />
        <source>A price can only be lowered at the till</source>
        <translation>En caja un precio solo se puede bajar</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="18" />
        <source>A discount is between 0 and 100 %</source>
        <translation>Un descuento va de 0 a 100 %</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="19" />
        <source>A discount cannot be more than the line</source>
        <translation>Un descuento no puede superar el importe de la línea</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="20" />
        <source>No such line in the cart</source>
        <translation>Esa línea no está en la cesta</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="21" />
        <source>Enter an amount</source>
        <translation>Escribe un importe</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="22" />
        <source>'{text}' is not an amount</source>
        <translation>«{text}» no es un importe</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="23" />
        <source>Nothing left to pay</source>
        <translation>No queda nada por pagar</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="24" />
        <source>Enter the cash handed over</source>
        <translation>Escribe el efectivo entregado</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="25" />
        <source>A card pays at most what is left to pay</source>
        <translation>Con tarjeta se paga como mucho lo que queda por pagar</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="26" />
        <source>A card refund gives back at most what is left to refund</source>
        <translation>Una devolución a tarjeta devuelve como mucho lo que queda por devolver</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="29" />
        <source>The member has no points to spend</source>
        <translation>El socio no tiene puntos para gastar</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="30" />
        <source>Points pay at most what is left and what the member may spend</source>
        <translation>Con puntos se paga como mucho lo que queda y lo que el socio puede gastar</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="33" />
        <source>'{text}' is not a phone number</source>
        <translation>«{text}» no es un número de teléfono</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="34" />
        <source>'{text}' is not an e-mail address</source>
        <translation>«{text}» no es una dirección de correo</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="35" />
        <source>Type the member's name</source>
        <translation>Escriba el nombre del socio</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="36" />
        <source>A member needs a phone or an e-mail</source>
        <translation>Un socio necesita un teléfono o un correo electrónico</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="37" />
        <source>Nothing was scanned</source>
        <translation>No se ha escaneado nada</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="38" />
        <source>Code {scanned} has {digits} digits: not a barcode</source>
        <translation>El código {scanned} tiene {digits} cifras: no es un código de barras</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="39" />
        <source>Code {scanned} has a wrong check digit: scan it again</source>
        <translation>El código {scanned} tiene mal el dígito de control: escanéalo otra vez</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="40" />
        <source>'{scanned}' is not a barcode</source>
        <translation>'{scanned}' no es un código de barras</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="42" />
        <source>The scale does not answer: check its cable and that it is switched on</source>
        <translation>La balanza no responde: revisa el cable y que esté encendida</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="45" />
        <source>The scale sends something the till cannot read: set it to continuous output</source>
        <translation>La balanza envía algo que la caja no entiende: configúrala en salida continua</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="48" />
        <source>The weight does not settle: keep the item still on the scale</source>
        <translation>El peso no se estabiliza: deja el artículo quieto en la balanza</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="49" />
        <source>Nothing on the scale: put the item on it</source>
        <translation>No hay nada en la balanza: pon el artículo</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="50" />
        <source>The scale shows a negative weight: empty it and zero it</source>
        <translation>La balanza marca un peso negativo: vacíala y ponla a cero</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="51" />
        <source>Too heavy for the scale</source>
        <translation>Demasiado peso para la balanza</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="52" />
        <source>The scale weighs in pounds: set it to kilograms</source>
        <translation>La balanza pesa en libras: ponla en kilos</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="54" />
        <source>A transfer comes from another store</source>
        <translation>Un traspaso viene de otra tienda</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="55" />
        <source>Say how many of each product</source>
        <translation>Indica cuántas unidades de cada producto</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="56" />
        <source>Unknown transfer</source>
        <translation>Traspaso desconocido</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="57" />
        <source>This store cannot mark transfer {number} {step}</source>
        <translation>Esta tienda no puede marcar el traspaso {number} como {step}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="58" />
        <source>Transfer {number} is already {state}</source>
        <translation>El traspaso {number} ya está en estado {state}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="59" />
        <source>A count is already in progress: finish it first</source>
        <translation>Ya hay un recuento en curso: termínalo primero</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="60" />
        <source>No such count in progress</source>
        <translation>No hay ese recuento en curso</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="61" />
        <source>Nothing to adjust</source>
        <translation>Nada que ajustar</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/explain.py" line="62" />
        <source>'{text}' is not a weight: type kilograms, such as 0,350</source>
        <translation>'{text}' no es un peso: teclea kilos, por ejemplo 0,350</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="57" />
        <source>Who is working?</source>
        <translation>¿Quién trabaja?</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="69" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="86" />
        <source>↑↓ choose your name · type your PIN · Enter</source>
        <translation>↑↓ elige tu nombre · teclea tu PIN · Intro</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="136" />
        <source>Nobody can sign in yet: the staff list comes with the catalog from the server</source>
        <translation>Aún no puede entrar nadie: la plantilla llega con el catálogo del servidor</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/signin.py" line="156" />
        <source>Choose your name first</source>
        <translation>Elige primero tu nombre</translation>
    </message>
</context>
<context>
    <name>StaffSession</name>
    <message>
        <location filename="../../pos_app/services/session.py" line="37" />
        <source>Unknown staff member: choose a name from the list</source>
        <translation>Persona desconocida: elige un nombre de la lista</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="40" />
        <source>A PIN is 4 to 8 digits</source>
        <translation>El PIN tiene de 4 a 8 cifras</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="45" />
        <source>Too many wrong PINs: try again in {} minutes</source>
        <translation>Demasiados PIN incorrectos: inténtalo dentro de {} minutos</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="54" />
        <source>Wrong PIN. Locked for {} minutes after too many tries</source>
        <translation>PIN incorrecto. Bloqueado {} minutos por demasiados intentos</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="57" />
        <source>Wrong PIN: {} tries left</source>
        <translation>PIN incorrecto: quedan {} intentos</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="80" />
        <source>{} may not approve this</source>
        <translation>{} no puede autorizar esto</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/session.py" line="82" />
        <source>Approval needs another person's PIN</source>
        <translation>La autorización necesita el PIN de otra persona</translation>
    </message>
</context>
<context>
    <name>StandaloneCardDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="385" />
        <source>Card terminal</source>
        <translation>Datáfono</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="387" />
        <source>Key {} into the card terminal as a refund.</source>
        <translation>Teclea {} en el datáfono como devolución.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="389" />
        <source>Key {} into the card terminal.</source>
        <translation>Teclea {} en el datáfono.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="394" />
        <source>When it shows APPROVED, type the authorisation code it printed and press Enter.</source>
        <translation>Cuando muestre APROBADA, escribe el código de autorización del ticket y pulsa Intro.</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="405" />
        <source>Declined or cancelled (Esc)</source>
        <translation>Denegada o anulada (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="406" />
        <source>Approved (Enter)</source>
        <translation>Aprobada (Intro)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="416" />
        <source>Type the authorisation code the terminal printed (4 to 12 letters or digits)</source>
        <translation>Escribe el código de autorización del ticket del datáfono (de 4 a 12 letras o cifras)</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="124" />
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="130" />
        <source>Scan or type a product, Enter</source>
        <translation>Escanea o escribe un producto, Intro</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="135" />
        <source>Offline: last known figures, as of {}</source>
        <translation>Sin conexión: últimas cifras conocidas, a {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="137" />
        <source>Figures as of the last sync</source>
        <translation>Cifras a la última sincronización</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="141" />
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="141" />
        <source>On hand</source>
        <translation>En tienda</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="141" />
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="141" />
        <source>In transit</source>
        <translation>En tránsito</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="141" />
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="145" />
        <source>Store</source>
        <translation>Tienda</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="145" />
        <source>Last known</source>
        <translation>Último dato</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="145" />
        <source>As of</source>
        <translation>A fecha de</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="150" />
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="152" />
        <source>Ask that store F2</source>
        <translation>Pedir a esa tienda F2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="153" />
        <source>Reserve F3</source>
        <translation>Reservar F3</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="158" />
        <source>Damaged</source>
        <translation>Dañado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="159" />
        <source>Stolen</source>
        <translation>Robado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="160" />
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="161" />
        <source>Returned to the supplier</source>
        <translation>Devuelto al proveedor</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="168" />
        <source>Adjust here</source>
        <translation>Ajustar aquí</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="171" />
        <source>Adjust F4</source>
        <translation>Ajustar F4</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="176" />
        <source>Here</source>
        <translation>Aquí</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="178" />
        <source>Sibling stores</source>
        <translation>Otras tiendas</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="225" />
        <source>Choose the product and the store to ask</source>
        <translation>Elige el producto y la tienda a la que pedirlo</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="239" />
        <source>Choose the product and how many units (− to write off)</source>
        <translation>Elige el producto y cuántas unidades (− para dar de baja)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="249" />
        <source>Adjust stock: {:+d}</source>
        <translation>Ajustar stock: {:+d}</translation>
    </message>
</context>
<context>
    <name>StockService</name>
    <message>
        <location filename="../../pos_app/services/stock.py" line="76" />
        <source>Only a manager may do this</source>
        <translation>Solo un encargado puede hacerlo</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="98" />
        <source>Nothing matches {}</source>
        <translation>Nada coincide con {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="150" />
        <source>No transfer {}</source>
        <translation>No existe el traspaso {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="167" />
        <source>Transfer {} requested</source>
        <translation>Traspaso {} pedido</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="187" />
        <source>Nothing picked to ship</source>
        <translation>No hay nada preparado para enviar</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="192" />
        <source>Transfer {} shipped: put the note in the parcel</source>
        <translation>Traspaso {} enviado: mete el albarán en el bulto</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="202" />
        <source>{}: {} shipped, {} counted: say why</source>
        <translation>{}: {} enviados, {} contados: indica el motivo</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="209" />
        <source>Transfer {} received</source>
        <translation>Traspaso {} recibido</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="211" />
        <source>: {} unit(s) differ, recorded for both stores and HQ</source>
        <translation>: {} unidad(es) de diferencia, registrada para ambas tiendas y la central</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="218" />
        <source>TRANSFER NOTE</source>
        <translation>ALBARÁN DE TRASPASO</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="219" />
        <source>Transfer {}</source>
        <translation>Traspaso {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="220" />
        <source>From: {}</source>
        <translation>Desde: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="221" />
        <source>To: {}</source>
        <translation>A: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="228" />
        <source>Receiving store: scan this code to open it</source>
        <translation>Tienda receptora: escanea este código para abrirlo</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="246" />
        <source>No sibling store can spare these</source>
        <translation>Ninguna otra tienda tiene sobrantes de estos</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="261" />
        <source>Count started: scan each item, or type 5* then scan for five</source>
        <translation>Recuento empezado: escanea cada artículo, o 5* y escanea para cinco</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="267" />
        <source>Start a count first</source>
        <translation>Empieza antes un recuento</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="273" />
        <source>Type a quantity, *, then scan</source>
        <translation>Escribe una cantidad, *, y escanea</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="280" />
        <source>{}: {} counted</source>
        <translation>{}: {} contados</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="300" />
        <source>A manager must approve the count's differences</source>
        <translation>Un encargado debe aprobar las diferencias del recuento</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="306" />
        <source>Count approved: {} product(s) adjusted</source>
        <translation>Recuento aprobado: {} producto(s) ajustados</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="316" />
        <source>A manager must approve an adjustment</source>
        <translation>Un encargado debe aprobar el ajuste</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/stock.py" line="329" />
        <source>Stock adjusted</source>
        <translation>Stock ajustado</translation>
    </message>
</context>
<context>
    <name>StoreFlow</name>
    <message>
        <location filename="../../pos_app/ui/flows/store.py" line="55" />
        <source>Scan or choose the product to reserve first</source>
        <translation>Escanea o elige antes el producto a reservar</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/store.py" line="99" />
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/flows/store.py" line="99" />
        <source>Release it?</source>
        <translation>¿Liberarlo?</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <location filename="../../pos_app/ui/sync_badge.py" line="34" />
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sync_badge.py" line="36" />
        <source>Online</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sync_badge.py" line="38" />
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/sync_badge.py" line="40" />
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n pendiente de envío</numerusform><numerusform>%n pendientes de envío</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/sync_badge.py" line="42" />
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rechazado</numerusform><numerusform>%n rechazados</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/sync_badge.py" line="45" />
        <source>last sync {}</source>
        <translation>última sincronización {}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/sync_badge.py" line="52" />
        <source>OFFLINE: keep selling. Sales are saved on this till and sent when the connection returns (%n waiting). Stock and prices as of the last sync.</source>
        <translation>
            <numerusform>SIN CONEXIÓN: sigue vendiendo. Las ventas se guardan en esta caja y se envían al volver la conexión (%n pendiente). Stock y precios de la última sincronización.</numerusform><numerusform>SIN CONEXIÓN: sigue vendiendo. Las ventas se guardan en esta caja y se envían al volver la conexión (%n pendientes). Stock y precios de la última sincronización.</numerusform></translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="199" />
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="207" />
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="210" />
        <source>Export diagnostics</source>
        <translation>Exportar diagnóstico</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="217" />
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="227" />
        <source>Events the server refused (kept there for HQ to review):</source>
        <translation>Eventos rechazados por el servidor (quedan allí para revisión en central):</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="236" />
        <source>Making the diagnostics file…</source>
        <translation>Creando el archivo de diagnóstico…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="245" />
        <source>The diagnostics file could not be written: {}</source>
        <translation>No se pudo escribir el archivo de diagnóstico: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="247" />
        <source>Diagnostics saved (no customer data in it): {}</source>
        <translation>Diagnóstico guardado (sin datos de clientes): {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="261" />
        <source>never (catalog not loaded yet)</source>
        <translation>nunca (catálogo aún no cargado)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="264" />
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/dialogs.py" line="266" />
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/dialogs.py" line="268" />
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_app/ui/dialogs.py" line="270" />
        <source>%n days ago</source>
        <translation>
            <numerusform>hace %n día</numerusform><numerusform>hace %n días</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="276" />
        <source>not tried yet</source>
        <translation>aún sin intentar</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="276" />
        <source>online</source>
        <translation>conectado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="276" />
        <source>offline</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="281" />
        <source>{} (the oldest made {})</source>
        <translation>{} (el más antiguo, del {})</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="283" />
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="284" />
        <source>Sales waiting to be sent</source>
        <translation>Ventas pendientes de envío</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="285" />
        <source>VERI*FACTU records waiting to reach HQ, which sends them to the AEAT</source>
        <translation>Registros VERI*FACTU pendientes de llegar a la central, que los remite a la AEAT</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="286" />
        <source>Last successful sync</source>
        <translation>Última sincronización correcta</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="287" />
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="288" />
        <source>Catalog and stock up to date as of</source>
        <translation>Catálogo y stock al día a</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="289" />
        <source>Catalog position (cursor)</source>
        <translation>Posición del catálogo (cursor)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/dialogs.py" line="300" />
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
</context>
<context>
    <name>Till</name>
    <message>
        <location filename="../../pos_app/services/till.py" line="115" />
        <source>Enrolling this till at {}…</source>
        <translation>Dando de alta esta caja en {}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/services/till.py" line="158" />
        <source>The till's database is damaged: close the till and start it again to repair it</source>
        <translation>La base de datos de la caja está dañada: cierra la caja e iníciala de nuevo para repararla</translation>
    </message>
</context>
<context>
    <name>TillSession</name>
    <message>
        <location filename="../../pos_app/app.py" line="147" />
        <source>The till's database was damaged and has been repaired: {} record(s) recovered, {} sale(s) or other fact(s) waiting to be sent. The damaged file is kept in {}</source>
        <translation>La base de datos de la caja estaba dañada y se ha reparado: {} registro(s) recuperado(s), {} venta(s) u otros hechos pendientes de enviar. El archivo dañado se guarda en {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="205" />
        <source>Starting the demo central server…</source>
        <translation>Arrancando el servidor central de demostración…</translation>
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="207" />
        <source>Demo: Ana, PIN 1234 (cashier) · Luis, PIN 9999 (manager)</source>
        <translation>Demo: Ana, PIN 1234 (cajera) · Luis, PIN 9999 (encargado)</translation>
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="217" />
        <source>This till is not set up: start it again to open the setup wizard</source>
        <translation>Esta caja no está configurada: iníciala de nuevo para abrir el asistente de configuración</translation>
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="229" />
        <source>Set-up failed: {}</source>
        <translation>Falló la configuración: {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="234" />
        <source>Loading the catalog from the server…</source>
        <translation>Cargando el catálogo del servidor…</translation>
    </message>
    <message>
        <location filename="../../pos_app/app.py" line="238" />
        <source>Ready: sign in to start selling</source>
        <translation>Lista: identifícate para empezar a vender</translation>
    </message>
</context>
<context>
    <name>TransfersDialog</name>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="278" />
        <source>Transfers between stores</source>
        <translation>Traspasos entre tiendas</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="285" />
        <source>Scan the parcel's transfer note, or type its number, Enter</source>
        <translation>Escanea el albarán del bulto, o escribe su número, Intro</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="289" />
        <source>To send</source>
        <translation>Por enviar</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="289" />
        <source>Incoming</source>
        <translation>Entrantes</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="289" />
        <source>Done</source>
        <translation>Cerrados</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="289" />
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="299" />
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="299" />
        <source>Asked</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="299" />
        <source>Shipped</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="299" />
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="299" />
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="300" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="306" />
        <source>Accept F2</source>
        <translation>Aceptar F2</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="307" />
        <source>Decline F3</source>
        <translation>Rechazar F3</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="308" />
        <source>Ship F4</source>
        <translation>Enviar F4</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="309" />
        <source>Receive F5</source>
        <translation>Recibir F5</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="310" />
        <source>Note F6</source>
        <translation>Albarán F6</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="311" />
        <source>Request F7</source>
        <translation>Pedir F7</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="312" />
        <source>Cancel F8</source>
        <translation>Cancelar F8</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="374" />
        <source>requested</source>
        <translation>pedido</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="374" />
        <source>accepted</source>
        <translation>aceptado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="374" />
        <source>on its way</source>
        <translation>en camino</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="375" />
        <source>received</source>
        <translation>recibido</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="375" />
        <source>declined</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="375" />
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="433" />
        <source>Transfer {} opened</source>
        <translation>Traspaso {} abierto</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="455" />
        <source>Transfer note printed</source>
        <translation>Albarán impreso</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/stock.py" line="463" />
        <source>{} transfer(s) requested</source>
        <translation>{} traspaso(s) pedidos</translation>
    </message>
</context>
<context>
    <name>TypedWeightDialog</name>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="119" />
        <source>Type the weight</source>
        <translation>Teclear el peso</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="120" />
        <source>Weight in kilograms, e.g. 0,350</source>
        <translation>Peso en kilos, por ejemplo 0,350</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="130" />
        <source>Back (Esc)</source>
        <translation>Volver (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="131" />
        <source>Add (Enter)</source>
        <translation>Añadir (Intro)</translation>
    </message>
</context>
<context>
    <name>VariantDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="933" />
        <source>Choose size and colour</source>
        <translation>Elige talla y color</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="954" />
        <source>Price · units in this store · arrows and Enter, or touch</source>
        <translation>Precio · unidades en esta tienda · flechas e Intro, o toca</translation>
    </message>
</context>
<context>
    <name>WeighDialog</name>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="42" />
        <source>Weigh</source>
        <translation>Pesar</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="49" />
        <source>Put the item on the scale</source>
        <translation>Pon el artículo en la balanza</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="53" />
        <source>Back (Esc)</source>
        <translation>Volver (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="54" />
        <source>Type the weight (manager)</source>
        <translation>Teclear el peso (encargado)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="55" />
        <source>Weigh again (Enter)</source>
        <translation>Pesar otra vez (Intro)</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="83" />
        <location filename="../../pos_app/ui/weighing.py" line="101" />
        <source>Weighing…</source>
        <translation>Pesando…</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/weighing.py" line="90" />
        <source>Enter: weigh again</source>
        <translation>Intro: pesar otra vez</translation>
    </message>
</context>
<context>
    <name>ZReportDialog</name>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="817" />
        <source>Z report {}</source>
        <translation>Informe Z {}</translation>
    </message>
    <message>
        <location filename="../../pos_app/ui/shop_dialogs.py" line="826" />
        <source>Done (Enter)</source>
        <translation>Hecho (Intro)</translation>
    </message>
</context>
</TS>
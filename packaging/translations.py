"""Keep the Qt Linguist files in step with the code: `python packaging/translations.py`.

1. `pyside6-lupdate` collects every `self.tr("…")` of pos_app into resources/translations/pos_es.ts
   (and pos_en.ts, English being the source language);
2. Spanish texts missing from pos_es.ts are filled from SPANISH below (a translator can also edit
   the .ts file with Qt Linguist; what is there is kept);
3. `pyside6-lrelease` compiles both to .qm, which the till loads (`packaging/dev.sh` compiles them
   too: the .qm files are build output, not kept in git).
`--check` fails if a source string has no Spanish translation (CI runs it).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent

SPANISH = {
    "    ·    {} in store": "    ·    {} en tienda",
    " · change {}": " · cambio {}",
    "% off": "% de descuento",
    "%n days ago": "hace %n días",
    "%n h ago": "hace %n h",
    "%n min ago": "hace %n min",
    "+ 1": "+ 1",
    "A PIN is 4 to 8 digits": "El PIN tiene de 4 a 8 cifras",
    "A discount is between 0 and 100 %": "Un descuento va de 0 a 100 %",
    "A sale is in progress and will be lost. Quit anyway?": "Hay una venta en curso y se perderá. ¿Salir igualmente?",
    "A tax id and a name are needed": "Hacen falta NIF y nombre",
    "Address": "Dirección",
    "All by card (F6)": "Todo con tarjeta (F6)",
    "Amount": "Importe",
    "Amount handed over or to charge now": "Importe entregado o a cobrar ahora",
    "Amount off the line": "Importe de descuento en la línea",
    "Apply (Enter)": "Aplicar (Intro)",
    "Approval needs another person's PIN": "La autorización necesita el PIN de otra persona",
    "Approve (Enter)": "Autorizar (Intro)",
    "Back": "Devuelve",
    "Back (Esc)": "Volver (Esc)",
    "Base": "Base",
    "Cancel payment (Esc)": "Cancelar cobro (Esc)",
    "Cancel the payment first": "Cancela antes el cobro",
    "Card": "Tarjeta",
    "Card (F6)": "Tarjeta (F6)",
    "Card declined: {}. Pay another way.": "Tarjeta denegada: {}. Cobra de otra forma.",
    "Card: {} on the terminal. Ask the customer to follow it.": "Tarjeta: {} en el datáfono. Pide al cliente que siga sus pasos.",
    "Cash": "Efectivo",
    "Cash (Enter)": "Efectivo (Intro)",
    "Cash Ctrl+E": "Caja Ctrl+E",
    "Cash in or out (an amount below zero takes cash out)": "Entrada o salida de efectivo (importe negativo: salida)",
    "Cash in: {}": "Entrada de efectivo: {}",
    "Cash out: {}": "Salida de efectivo: {}",
    "Cash rounding: {}": "Redondeo de efectivo: {}",
    "Catalog and stock up to date as of": "Catálogo y stock al día a",
    "Catalog position (cursor)": "Posición del catálogo (cursor)",
    "Change from the bank": "Cambio del banco",
    "Change: {}": "Cambio: {}",
    "Choose size and colour": "Elige talla y color",
    "Choose what is returned": "Elige qué se devuelve",
    "Choose your name first": "Elige primero tu nombre",
    "Close (Esc)": "Cerrar (Esc)",
    "Close Z Ctrl+Z": "Cierre Z Ctrl+Z",
    "Close shift and print Z (Enter)": "Cerrar turno e imprimir Z (Intro)",
    "Close the shift": "Cerrar el turno",
    "Close the shift (Z report)": "Cerrar el turno (informe Z)",
    "Confirm (Enter)": "Confirmar (Intro)",
    "Connecting…": "Conectando…",
    "Connection": "Conexión",
    "Count the cash in the drawer": "Cuenta el efectivo del cajón",
    "Count the cash in the drawer (the float)": "Cuenta el efectivo del cajón (fondo de caja)",
    "Count the drawer first (0 if it is empty)": "Cuenta primero el cajón (0 si está vacío)",
    "Customer cannot pay": "El cliente no puede pagar",
    "Customer changed their mind": "El cliente ha cambiado de idea",
    "Demo: Ana, PIN 1234 (cashier) · Luis, PIN 9999 (manager)": "Demo: Ana, PIN 1234 (cajera) · Luis, PIN 9999 (encargado)",
    "Discount": "Descuento",
    "Discount (F3)": "Descuento (F3)",
    "Discount given back": "Descuento devuelto",
    "Discount or price change": "Descuento o cambio de precio",
    "Done (Enter)": "Hecho (Intro)",
    "Enrolling this till at {}…": "Dando de alta esta caja en {}…",
    "Enter an amount and a reason": "Indica importe y motivo",
    "Events the server refused (kept there for HQ to review):": "Eventos rechazados por el servidor (quedan allí para revisión en central):",
    "Finish or cancel the payment first": "Termina o cancela antes el cobro",
    "Finish or park the current sale first": "Termina o aparca antes la venta en curso",
    "Finish the sale in progress first": "Termina antes la venta en curso",
    "Finish, park or void the sale before closing the shift": "Termina, aparca o anula la venta antes de cerrar el turno",
    "Finish, park or void the sale before signing out": "Termina, aparca o anula la venta antes de salir",
    "Full invoice": "Factura completa",
    "Full invoice {} issued": "Factura completa {} emitida",
    "Give a reason": "Indica un motivo",
    "Hello {}: scan the first item": "Hola {}: escanea el primer artículo",
    "Invoice Ctrl+I": "Factura Ctrl+I",
    "Issue invoice (Enter)": "Emitir factura (Intro)",
    "Item": "Artículo",
    "Last error": "Último error",
    "Last successful sync": "Última sincronización correcta",
    "Loading catalog: {} rows": "Cargando catálogo: {} filas",
    "Loading the catalog from the server…": "Cargando el catálogo del servidor…",
    "Manager approval": "Autorización del encargado",
    "Manager's PIN": "PIN del encargado",
    "Name": "Nombre",
    "Name or SKU code, e.g. 'camiseta azul'": "Nombre o código, p. ej. 'camiseta azul'",
    "Needs a manager's approval:": "Necesita autorización del encargado:",
    "New unit price": "Nuevo precio unitario",
    "Next sale (Enter)": "Siguiente venta (Intro)",
    "No parked sales": "No hay ventas aparcadas",
    "No printer is set up: open the drawer with its key": "No hay impresora configurada: abre el cajón con su llave",
    "No receipt to invoice yet": "Aún no hay ticket que facturar",
    "No receipt to reprint yet": "Aún no hay ticket que reimprimir",
    "No receipt {} at this till": "No hay ticket {} en esta caja",
    "No receipt…": "Sin ticket…",
    "No shift is open": "No hay turno abierto",
    "No shift open: sales cannot be saved until it is (Ctrl+L to leave)": "Sin turno abierto no se pueden guardar ventas (Ctrl+L para salir)",
    "Nobody can sign in yet: the staff list comes with the catalog from the server": "Aún no puede entrar nadie: la plantilla llega con el catálogo del servidor",
    "Nobody here can approve this": "Aquí nadie puede autorizar esto",
    "None": "Ninguno",
    "Nothing found": "Nada encontrado",
    "Nothing to park": "Nada que aparcar",
    "OFFLINE: keep selling. Sales are saved on this till and sent when the connection returns ({} waiting). Stock and prices as of the last sync.": "SIN CONEXIÓN: sigue vendiendo. Las ventas se guardan en esta caja y se envían al volver la conexión ({} pendientes). Stock y precios de la última sincronización.",
    "Offline": "Sin conexión",
    "Omni POS": "Omni TPV",
    "Online": "Conectado",
    "Only {} of that line can still be returned": "De esa línea solo se pueden devolver {}",
    "Open shift (Enter)": "Abrir turno (Intro)",
    "Open the drawer without a sale": "Abrir el cajón sin venta",
    "Open the shift": "Abrir el turno",
    "Open the shift first": "Abre antes el turno",
    "Open the shift first (count the float)": "Abre antes el turno (cuenta el fondo de caja)",
    "PIN": "PIN",
    "Paid": "Pagado",
    "Park F7": "Aparcar F7",
    "Parked F8": "Aparcadas F8",
    "Parked sales": "Ventas aparcadas",
    "Pay (F5)": "Cobrar (F5)",
    "Payment": "Cobro",
    "Payment cancelled: give the cash back to the customer": "Cobro cancelado: devuelve el efectivo al cliente",
    "Price": "Precio",
    "Price · units in this store": "Precio · unidades en esta tienda",
    "Qty": "Cant.",
    "Quantity": "Cantidad",
    "Quantity (F4)": "Cantidad (F4)",
    "Quantity must be between 1 and {}": "La cantidad va de 1 a {}",
    "Quit": "Salir",
    "Ready: sign in to start selling": "Lista: identifícate para empezar a vender",
    "Reason": "Motivo",
    "Receipt {}": "Ticket {}",
    "Refund (Enter)": "Devolver (Intro)",
    "Refund against a receipt": "Devolución con ticket",
    "Refund without a receipt: {}": "Devolución sin ticket: {}",
    "Refund {} saved: {}": "Devolución {} guardada: {}",
    "Remove line (Del)": "Quitar línea (Supr)",
    "Removed: {}": "Quitado: {}",
    "Reprint F12": "Reimprimir F12",
    "Resume (Enter)": "Recuperar (Intro)",
    "Return": "Devolución",
    "Return F10": "Devolución F10",
    "Return without a receipt: scan the items, then F10 to refund them": "Devolución sin ticket: escanea los artículos y pulsa F10 para devolverlos",
    "Returnable": "Devolvible",
    "Sale parked: {}": "Venta aparcada: {}",
    "Sale resumed": "Venta recuperada",
    "Sale total: {}": "Total de la venta: {}",
    "Sale voided": "Venta anulada",
    "Sale {} saved": "Venta {} guardada",
    "Sales waiting to be sent": "Ventas pendientes de envío",
    "Save as PDF": "Guardar como PDF",
    "Saved {}": "Guardado {}",
    "Say why the sale is voided": "Indica por qué se anula la venta",
    "Scan or type a barcode · 3* then scan for 3 · F2 search by name": "Escanea o teclea un código · 3* y escanea para 3 · F2 buscar por nombre",
    "Scan the receipt's barcode or type its number": "Escanea el código del ticket o teclea su número",
    "Search (F2)": "Buscar (F2)",
    "Search products": "Buscar productos",
    "Set-up failed: {}": "Falló la configuración: {}",
    "Shift open with {} in the drawer": "Turno abierto con {} en el cajón",
    "Sign in first": "Identifícate primero",
    "Sign out Ctrl+L": "Salir Ctrl+L",
    "Starting the demo central server…": "Arrancando el servidor central de demostración…",
    "Supplier paid in cash": "Pago a proveedor en efectivo",
    "Sync": "Sincronización",
    "Sync now": "Sincronizar ahora",
    "TOTAL": "TOTAL",
    "Tax": "Cuota",
    "Nothing was scanned": "No se ha escaneado nada",
    "Code {} has {} digits: not a barcode": "El código {} tiene {} cifras: no es un código de barras",
    "Code {} has a wrong check digit: scan it again": "El código {} tiene mal el dígito de control: escanéalo otra vez",
    "'{}' is not a barcode": "'{}' no es un código de barras",
    "Wrong PIN. Locked for {} minutes after too many tries": "PIN incorrecto. Bloqueado {} minutos por demasiados intentos",
    "Wrong PIN: {} tries left": "PIN incorrecto: quedan {} intentos",
    "Too many wrong PINs: try again in {} minutes": "Demasiados PIN incorrectos: inténtalo dentro de {} minutos",
    "Tax id (NIF/CIF)": "NIF/CIF",
    "That discount is beyond your limit: a manager must approve it": "Ese descuento supera tu límite: debe autorizarlo un encargado",
    "That language is not installed": "Ese idioma no está instalado",
    "That parked sale is gone (resumed at another moment)": "Esa venta aparcada ya no está (se recuperó antes)",
    "That product is no longer sold": "Ese producto ya no se vende",
    "The card refund failed ({}): nothing was refunded": "Falló la devolución con tarjeta ({}): no se devolvió nada",
    "The card refund was declined: {}": "La devolución con tarjeta fue denegada: {}",
    "The cart is empty": "La cesta está vacía",
    "The float cannot be negative": "El fondo de caja no puede ser negativo",
    "The printer did not print ({}). The sale is saved: F12 reprints it.": "La impresora no imprimió ({}). La venta está guardada: F12 la reimprime.",
    "The sale could not be saved ({}); the cart is kept, try again": "No se pudo guardar la venta ({}); la cesta se conserva, inténtalo de nuevo",
    "The terminal did not answer: nothing was charged. Try again or pay another way.": "El datáfono no respondió: no se cobró nada. Reintenta o cobra de otra forma.",
    "The terminal failed ({}): nothing was charged.": "Falló el datáfono ({}): no se cobró nada.",
    "This needs a manager's approval": "Esto necesita autorización del encargado",
    "This return needs a manager's approval": "Esta devolución necesita autorización del encargado",
    "This till is not set up yet: no sale can be saved": "Esta caja aún no está configurada: no se pueden guardar ventas",
    "This till is not set up: start it with --server URL --enrol CODE": "Esta caja no está configurada: arráncala con --server URL --enrol CÓDIGO",
    "Till not set up": "Caja sin configurar",
    "To pay: {}": "A pagar: {}",
    "To the safe": "A la caja fuerte",
    "Total": "Total",
    "Unknown barcode {}: search the product by name (F2)": "Código {} desconocido: busca el producto por nombre (F2)",
    "Unknown code {}: F2 to search by name": "Código {} desconocido: F2 para buscar por nombre",
    "Unknown staff member: choose a name from the list": "Persona desconocida: elige un nombre de la lista",
    "VAT": "IVA",
    "Void sale (F9)": "Anular venta (F9)",
    "Void the sale ({}): {}": "Anular la venta ({}): {}",
    "Void this sale ({})": "Anular esta venta ({})",
    "Voiding a sale needs a manager's approval": "Anular una venta necesita autorización del encargado",
    "Waiting for the card terminal…": "Esperando al datáfono…",
    "Who is working?": "¿Quién trabaja?",
    "Wrong items rung up": "Artículos mal marcados",
    "You save {}": "Ahorras {}",
    "Z report {}": "Informe Z {}",
    "e.g. 50 to put in, -200 to take out": "p. ej. 50 para meter, -200 para sacar",
    "empty = all that is left": "vacío = todo lo pendiente",
    "just now": "ahora mismo",
    "last sync {}": "última sincronización {}",
    "never (catalog not loaded yet)": "nunca (catálogo aún no cargado)",
    "no price": "sin precio",
    "no sale": "sin venta",
    "not tried yet": "aún sin intentar",
    "offline": "sin conexión",
    "online": "conectado",
    "{} has no price today: call a manager": "{} no tiene precio hoy: llama a un encargado",
    "{} is no longer sold: left out": "{} ya no se vende: se deja fuera",
    "{} is sold by weight: weigh it and scan the scale's label": "{} se vende al peso: pésalo y escanea la etiqueta de la balanza",
    "Items: {}": "Artículos: {}",
    "{} may not approve this": "{} no puede autorizar esto",
    "{} rejected": "{} rechazados",
    "{} waiting to send": "{} pendientes de envío",
    "× {}: now scan the item": "× {}: ahora escanea el artículo",
    "↑↓ choose your name · type your PIN · Enter": "↑↓ elige tu nombre · teclea tu PIN · Intro",
    "↓ to choose · Enter to add · Esc to close": "↓ para elegir · Intro para añadir · Esc para cerrar",
    "− 1": "− 1",
    "Customer": "Cliente",
    "Card, phone, e-mail or name": "Tarjeta, teléfono, correo o nombre",
    "New member (Ctrl+N)": "Nuevo socio (Ctrl+N)",
    "No member for this sale (Ctrl+Del)": "Sin socio en esta venta (Ctrl+Supr)",
    "Choose (Enter)": "Elegir (Intro)",
    "Offers for this member:": "Ofertas para este socio:",
    "{} points": "{} puntos",
    "may spend here now: {} ({})": "puede gastar aquí ahora: {} ({})",
    "not yet confirmed by HQ: +{} −{}": "pendiente de confirmar por la central: +{} −{}",
    "Recent purchases, every channel:": "Compras recientes, todos los canales:",
    "Recent purchases at this till (offline):": "Compras recientes en esta caja (sin conexión):",
    "none yet": "ninguna todavía",
    "You could suggest:": "Puedes sugerir:",
    "web": "web",
    "store": "tienda",
    "no tier": "sin nivel",
    "New member": "Nuevo socio",
    "The customer agrees to receive offers (ask; never tick it for them)": "El cliente acepta recibir ofertas (pregúntale; nunca lo marques por él)",
    "Name and surname": "Nombre y apellidos",
    "Mobile phone": "Teléfono móvil",
    "E-mail": "Correo electrónico",
    "A phone or an e-mail is needed; nothing else is asked.": "Hace falta un teléfono o un correo; no se pide nada más.",
    "Enrol (Enter)": "Dar de alta (Intro)",
    "Points (F4)": "Puntos (F4)",
    "Points": "Puntos",
    "No member found for '{}'": "Ningún socio con «{}»",
    "Member: {} · {} · {} points": "Socio: {} · {} · {} puntos",
    "Already a member: {} ({}). Not enrolled twice.": "Ya es socio: {} ({}). No se da de alta dos veces.",
    "Welcome, {}: card {}": "Bienvenido/a, {}: tarjeta {}",
    "Identify the member first (F1)": "Identifica primero al socio (F1)",
    "{} (may spend here now: {} points)": "{} (puede gastar aquí ahora: {} puntos)",
    "Customer F1": "Cliente F1",
}


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pos_app").rglob("*.py"))


def update() -> list[str]:
    """Refresh the .ts files from the code, fill Spanish, compile; returns untranslated sources."""
    missing: list[str] = []
    for language in ("es", "en"):
        ts = FOLDER / f"pos_{language}.ts"
        subprocess.run(
            [str(BIN / "pyside6-lupdate"), *sources(), "-no-obsolete", "-target-language", language, "-ts", str(ts)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        if language == "es":
            tree = ET.parse(ts)
            for message in tree.getroot().iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                assert translation is not None
                if translation.get("type") == "unfinished":
                    if source in SPANISH:
                        if message.get("numerus") == "yes":
                            for form in list(translation):
                                translation.remove(form)
                            for _ in range(2):
                                ET.SubElement(translation, "numerusform").text = SPANISH[source]
                        else:
                            translation.text = SPANISH[source]
                        translation.attrib.pop("type", None)
                    else:
                        missing.append(source)
            tree.write(ts, encoding="utf-8", xml_declaration=True)
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True, capture_output=True
        )
    return missing


if __name__ == "__main__":
    untranslated = update()
    for text in untranslated:
        print(f"no Spanish for: {text!r}")
    if "--check" in sys.argv and untranslated:
        sys.exit(1)

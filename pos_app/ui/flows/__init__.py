"""The sale screen's flows, one module each: what a key or a button starts, through its dialogs
and a manager's approval where one is needed, to the service call that ends it.

- `shift`: open the shift, cash in and out, the drawer without a sale, the blind close and its Z;
- `cart`: quantities, removing lines, discounts, voiding, parking and resuming;
- `finding`: search by name, sizes and colours, the favourites grid, weighing, unknown codes;
- `paying`: payment, the stand-alone terminal's confirmation, the receipt, reprints, invoices;
- `returns`: refunds against a receipt of any till, or without one;
- `store`: the customer, enrolment, pickups, reservations, stock, transfers, counts.

Each flow runs its dialogs through the window (`Flow.run`): one dialog at a time, the keyboard
back to the scan field when it ends, and the flow's own code for what the dialog decided.
"""

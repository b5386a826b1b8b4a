error-unavailable-title = Inténtelo de nuevo dentro de unos minutos
error-unavailable-detail = Ahora mismo no se puede acceder a la base de datos de la elección, así que nada de lo que envió quedó confirmado. Sin recibo, no cuente con su papeleta: vuelva dentro de unos minutos y emítala de nuevo (si llegó a la urna, la elección se lo indicará).

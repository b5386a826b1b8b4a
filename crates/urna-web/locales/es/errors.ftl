error-status = Error { $status }
error-back-home = Volver a la página de inicio
error-not-found-title = Página no encontrada
error-not-found-detail = No hay nada en esta dirección. Compruebe el enlace o empiece de nuevo desde la página de inicio.
error-method-not-allowed-title = No permitido aquí
error-method-not-allowed-detail = Esta página no se puede usar de esa manera.
error-bad-request-title = No se pudo leer la solicitud
error-bad-request-detail = Falta algo en lo enviado o está mal formado. Vuelva atrás, revise el formulario e inténtelo de nuevo.
error-csrf-title = No se pudo aceptar este formulario
error-csrf-detail = El formulario ha caducado o se envió desde otro sitio. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-rate-limited-title = Demasiados intentos
error-rate-limited-detail = { $seconds ->
    [one] Espere un segundo y vuelva a intentarlo.
   *[other] Espere { $seconds } segundos y vuelva a intentarlo.
}
error-payload-too-large-title = Demasiados datos
error-payload-too-large-detail = Lo enviado es más grande de lo que acepta este servidor.
error-timeout-title = Ha tardado demasiado
error-timeout-detail = El servidor no pudo responder a tiempo. Inténtelo de nuevo en un momento.
error-internal-title = Algo salió mal
error-internal-detail = El servidor no pudo completar su solicitud. No se ha cambiado nada; inténtelo de nuevo en un momento.

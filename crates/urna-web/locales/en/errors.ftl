# Error pages and the titles and details of JSON problem documents.

error-status = Error { $status }
error-back-home = Return to the home page
error-not-found-title = Page not found
error-not-found-detail = There is nothing at this address. Check the link, or start again from the home page.
error-method-not-allowed-title = Not allowed here
error-method-not-allowed-detail = This page cannot be used that way.
error-bad-request-title = The request could not be read
error-bad-request-detail = Something in what was sent is missing or malformed. Go back, check the form and try again.
error-csrf-title = This form could not be accepted
error-csrf-detail = The form has expired or was sent from another site. Go back, reload the page and try again.
error-rate-limited-title = Too many attempts
error-rate-limited-detail = { $seconds ->
    [one] Wait one second, then try again.
   *[other] Wait { $seconds } seconds, then try again.
}
error-payload-too-large-title = Too much data
error-payload-too-large-detail = What was sent is larger than this server accepts.
error-timeout-title = This took too long
error-timeout-detail = The server could not answer in time. Try again in a moment.
error-internal-title = Something went wrong
error-internal-detail = The server could not complete your request. Nothing was changed; try again in a moment.

/** Messages of the HTTP layer itself: refusals decided before any module's code runs. */
export default {
  "error.service_unavailable": "The service is unavailable for a moment. Please try again shortly.",
  "error.request_timeout": "The request took too long to arrive. Please try again.",
  "error.cross_site_request":
    "This request came from another site and was refused. Scripts should use a personal API token (Authorization: Bearer).",
  "error.headers_too_large": "The address or the headers of the request are too long.",
  "error.uri_too_long": "The address of the request is too long.",
  "http.invalidText": "Remove the control characters (such as NUL) from this text.",
  "http.page.badRequest.title": "This request cannot be read",
  "http.page.badRequest.body": "The address or the form contained characters that are not allowed. Go back and try again.",
  "http.page.unavailable.title": "Orbis is unavailable for a moment",
  "http.page.unavailable.body": "Please try again in a minute.",
} as const;

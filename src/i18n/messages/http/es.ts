import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "error.service_unavailable": "El servicio no está disponible en este momento. Inténtelo de nuevo en breve.",
  "error.request_timeout": "La solicitud tardó demasiado en llegar. Inténtelo de nuevo.",
  "error.cross_site_request":
    "Esta solicitud venía de otro sitio y se ha rechazado. Los scripts deben usar un token personal de API (Authorization: Bearer).",
  "error.headers_too_large": "La dirección o las cabeceras de la solicitud son demasiado largas.",
  "error.uri_too_long": "La dirección de la solicitud es demasiado larga.",
  "http.invalidText": "Quite de este texto los caracteres de control (como NUL).",
  "http.page.badRequest.title": "No se puede leer esta solicitud",
  "http.page.badRequest.body": "La dirección o el formulario contenía caracteres no permitidos. Vuelva atrás e inténtelo de nuevo.",
  "http.page.unavailable.title": "Orbis no está disponible en este momento",
  "http.page.unavailable.body": "Inténtelo de nuevo dentro de un minuto.",
} satisfies Catalogue<typeof en>;

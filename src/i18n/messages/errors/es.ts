import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "error.validation_failed": "Algunos campos no son válidos. Corríjalos e inténtelo de nuevo.",
  "error.not_found": "No encontrado.",
  "error.unauthenticated": "Inicie sesión para continuar.",
  "error.forbidden": "No tiene permiso para hacer esto.",
  "error.conflict": "Esto entra en conflicto con datos existentes.",
  "error.duplicate_name": "Ya existe una organización con este nombre.",
  "error.duplicate_slug": "Esta dirección (slug) ya está en uso.",
  "error.duplicate_email": "Ya existe una cuenta con este correo electrónico.",
  "error.invalid_credentials": "El correo electrónico o la contraseña no son correctos.",
  "error.rate_limited": "Demasiados intentos. Espere {minutes, plural, one {# minuto} other {# minutos}} e inténtelo de nuevo.",
  "error.invalid_token": "Este enlace o token no es válido o ha caducado.",
  "error.csrf_failed": "El formulario ha caducado. Recargue la página e inténtelo de nuevo.",
  "error.in_use": "Todavía está en uso y no se puede eliminar.",
  "error.payload_too_large": "La solicitud es demasiado grande.",
  "error.bad_request": "La solicitud no es válida.",
  "error.unsupported_media_type": "Este tipo de contenido no es compatible.",
  "error.internal": "Se produjo un error inesperado. Ha quedado registrado.",
  "error.unknown_organisation": "Esta organización no existe.",
  "validation.slug": "Use letras minúsculas, dígitos y guiones simples.",
  "validation.countryCode": "Use un código de país de dos letras, como KG.",
  "validation.partialDate": "Indique un año, un año y mes o una fecha completa: 2025, 2025-11 o 2025-11-26.",
  "validation.languageCode": "Use un código de idioma, como ru o ar.",
} satisfies Catalogue<typeof en>;

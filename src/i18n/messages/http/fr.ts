import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "error.service_unavailable": "Le service est momentanément indisponible. Réessayez dans un instant.",
  "error.request_timeout": "La requête a mis trop de temps à arriver. Veuillez réessayer.",
  "error.cross_site_request":
    "Cette requête venait d’un autre site et a été refusée. Les scripts doivent utiliser un jeton d’API personnel (Authorization: Bearer).",
  "error.headers_too_large": "L’adresse ou les en-têtes de la requête sont trop longs.",
  "error.uri_too_long": "L’adresse de la requête est trop longue.",
  "http.invalidText": "Retirez de ce texte les caractères de contrôle (comme NUL).",
  "http.page.badRequest.title": "Cette requête ne peut pas être lue",
  "http.page.badRequest.body": "L’adresse ou le formulaire contenait des caractères non autorisés. Revenez en arrière et réessayez.",
  "http.page.unavailable.title": "Orbis est momentanément indisponible",
  "http.page.unavailable.body": "Veuillez réessayer dans une minute.",
} satisfies Catalogue<typeof en>;

import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "error.validation_failed": "Certains champs ne sont pas valides. Corrigez-les et réessayez.",
  "error.not_found": "Introuvable.",
  "error.unauthenticated": "Veuillez vous connecter pour continuer.",
  "error.forbidden": "Vous n'avez pas l'autorisation de faire cela.",
  "error.conflict": "Cela entre en conflit avec des données existantes.",
  "error.duplicate_name": "Une organisation portant ce nom existe déjà.",
  "error.duplicate_slug": "Cette adresse (slug) est déjà utilisée.",
  "error.duplicate_email": "Un compte avec cette adresse e-mail existe déjà.",
  "error.invalid_credentials": "L'adresse e-mail ou le mot de passe est incorrect.",
  "error.rate_limited": "Trop de tentatives. Patientez {minutes, plural, one {# minute} other {# minutes}} puis réessayez.",
  "error.invalid_token": "Ce lien ou ce jeton est invalide ou a expiré.",
  "error.csrf_failed": "Votre formulaire a expiré. Rechargez la page et réessayez.",
  "error.in_use": "Cet élément est encore utilisé et ne peut pas être supprimé.",
  "error.already_enrolled": "Vous êtes déjà inscrit·e à ce cours.",
  "error.not_enrolled": "Inscrivez-vous d’abord à ce cours.",
  "error.no_attempts_left": "Vous avez utilisé toutes vos tentatives pour ce quiz.",
  "error.already_registered": "Vous êtes déjà inscrit à cet événement (ou sur sa liste d’attente).",
  "error.registration_closed": "Les inscriptions à cet événement ne sont pas ouvertes en ce moment.",
  "error.event_cancelled": "Cet événement a été annulé.",
  "error.course_published":
    "Cette version est publiée et ne peut plus être modifiée. Créez une nouvelle version du cours pour la modifier.",
  "error.framework_not_draft":
    "Cette version du référentiel est {status, select, published {publiée} superseded {remplacée} other {{status}}} et ne peut plus être modifiée. Créez une nouvelle version pour la modifier.",
  "error.wrong_status":
    "Impossible tant que le cours est {status, select, draft {un brouillon} in_review {en relecture} published {publié} archived {archivé} other {{status}}}.",
  "error.derivatives_forbidden": "La licence de ce cours ({licence}) n’autorise pas les adaptations.",
  "error.payload_too_large": "La requête est trop volumineuse.",
  "error.length_required": "La requête doit indiquer sa longueur (Content-Length).",
  "error.bad_request": "La requête n'est pas valide.",
  "error.unsupported_media_type": "Ce type de contenu n'est pas pris en charge.",
  "error.internal": "Une erreur inattendue s'est produite. Elle a été enregistrée.",
  "error.unknown_organisation": "Cette organisation n'existe pas.",
  "validation.slug": "Utilisez des lettres minuscules, des chiffres et des tirets simples.",
  "validation.countryCode": "Utilisez un code pays à deux lettres, par exemple KG.",
  "validation.partialDate": "Indiquez une année, une année et un mois, ou une date complète : 2025, 2025-11 ou 2025-11-26.",
  "validation.languageCode": "Utilisez un code de langue, par exemple ru ou ar.",
  "validation.timeZone": "Choisissez un fuseau horaire dans la liste, par exemple Asia/Bishkek.",
  "error.token_scope": "La portée de ce jeton d’API ne le permet pas. Connectez-vous, ou utilisez un jeton de portée plus large.",
  "error.own_work":
    "Vous ne pouvez pas faire cela pour votre propre travail : quelqu’un d’autre doit s’en charger (séparation des tâches).",
} satisfies Catalogue<typeof en>;

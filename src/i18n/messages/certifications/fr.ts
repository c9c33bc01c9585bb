import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "certifications.field.slugTaken": "Une autre certification utilise déjà cette adresse.",
  "certifications.field.unknownOwner": "Cette organisation n’existe pas.",
  "certifications.field.ownLanguage": "C’est la langue d’origine de la certification ; modifiez plutôt ses textes.",
  "certifications.field.duplicateKey": "Chaque condition doit avoir sa propre clé.",
  "certifications.field.impossibleGroup": "Un groupe exige plus de conditions qu’il n’en contient.",
  "certifications.field.notAssessed": "Cette condition n’accepte pas de justificatif.",
  "certifications.field.scoreMissing": "Notez chaque critère.",
  "certifications.field.belowPassMark": "Le total est de {total} ; il faut au moins {passMark} pour approuver.",
  "certifications.field.unknownCohort": "Cette cohorte n’existe pas.",
  "certifications.email.awarded.subject": "Certification obtenue : {title}",
  "certifications.email.awarded.body":
    "Bonjour {name},\n\nFélicitations : vous avez obtenu « {title} ».{hasExpiry, select, yes { Elle est valable jusqu’au {until}.} other {}}\n\nLa voir : {link}",
  "certifications.email.expiring.subject": "Votre certification expire le {until} : {title}",
  "certifications.email.expiring.body":
    "Bonjour {name},\n\nVotre certification « {title} » expire le {until}. Pour la renouveler, remplissez à nouveau ses conditions ; votre page de progression indique ce qu’il reste à faire :\n\n{link}",
  "certifications.field.alreadyDecided": "Un évaluateur a déjà statué sur ce justificatif.",
  "certifications.field.wrongAwardStatus":
    "Impossible pour une certification {status, select, active {active} suspended {suspendue} revoked {révoquée} other {{status}}}.",
  "certifications.field.alreadyConfirmed": "Cette liste a déjà été confirmée.",
} as const satisfies Catalogue<typeof en>;

import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "certifications.field.slugTaken": "Otra certificación ya usa esta dirección.",
  "certifications.field.unknownOwner": "No existe esa organización.",
  "certifications.field.ownLanguage": "Es el idioma propio de la certificación; cambie allí sus textos.",
  "certifications.field.duplicateKey": "Cada condición necesita su propia clave.",
  "certifications.field.impossibleGroup": "Un grupo pide más condiciones de las que contiene.",
  "certifications.field.notAssessed": "Esta condición no admite evidencias.",
  "certifications.field.scoreMissing": "Puntúe cada criterio.",
  "certifications.field.belowPassMark": "La suma es {total}; para aprobar hace falta al menos {passMark}.",
  "certifications.field.unknownCohort": "No existe esa cohorte.",
  "certifications.email.awarded.subject": "Ha obtenido la certificación: {title}",
  "certifications.email.awarded.body":
    "Estimado/a {name}:\n\nEnhorabuena: ha obtenido «{title}».{hasExpiry, select, yes { Es válida hasta el {until}.} other {}}\n\nVéala aquí: {link}",
  "certifications.email.expiring.subject": "Su certificación vence el {until}: {title}",
  "certifications.email.expiring.body":
    "Estimado/a {name}:\n\nSu certificación «{title}» vence el {until}. Para renovarla, vuelva a cumplir sus condiciones; su página de progreso muestra lo que falta:\n\n{link}",
  "certifications.field.alreadyDecided": "Un evaluador ya decidió sobre esta evidencia.",
  "certifications.field.wrongAwardStatus":
    "No es posible con una certificación {status, select, active {activa} suspended {suspendida} revoked {revocada} other {{status}}}.",
  "certifications.field.alreadyConfirmed": "Esta lista ya se confirmó.",
} as const satisfies Catalogue<typeof en>;

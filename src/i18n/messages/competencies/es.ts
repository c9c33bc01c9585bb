import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "competencies.field.slugTaken": "Otro marco ya utiliza esta dirección.",
  "competencies.field.draftExists": "Ya existe un borrador de la siguiente versión.",
  "competencies.field.noItems": "Añada al menos una competencia antes de publicar.",
  "competencies.field.unknownItem": "Este marco no contiene ese elemento.",
  "competencies.field.unknownLevel": "Este marco no tiene ese nivel.",
  "competencies.field.ownLanguage": "El idioma original de un marco no puede cambiar; añada una traducción.",
  "competencies.field.duplicateLevel": "Cada nivel necesita su propio código.",
} as const satisfies Catalogue<typeof en>;

import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "competencies.field.slugTaken": "Un autre référentiel utilise déjà cette adresse.",
  "competencies.field.draftExists": "Un brouillon de la version suivante existe déjà.",
  "competencies.field.noItems": "Ajoutez au moins une compétence avant de publier.",
  "competencies.field.unknownItem": "Ce référentiel ne contient pas cet élément.",
  "competencies.field.unknownLevel": "Ce référentiel n’a pas ce niveau.",
  "competencies.field.ownLanguage": "La langue d’origine d’un référentiel ne change pas ; ajoutez plutôt une traduction.",
  "competencies.field.duplicateLevel": "Chaque niveau doit avoir son propre code.",
} as const satisfies Catalogue<typeof en>;

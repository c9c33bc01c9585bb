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
  "competencies.import.notJson": "Le fichier n’est pas du JSON valide.",
  "competencies.import.tooLarge": "Le fichier dépasse {max, number} octets.",
  "competencies.import.tooMany": "Il y a plus de {max, number} entrées ici.",
  "competencies.import.tooLong": "{field} dépasse {max, number} caractères.",
  "competencies.import.notObject": "Cette entrée n’est pas un objet JSON.",
  "competencies.import.notList": "Ceci devrait être une liste.",
  "competencies.import.noDocument": "Le paquet n’a pas de CFDocument.",
  "competencies.import.missingField": "{field} est manquant.",
  "competencies.import.duplicateIdentifier": "Cet identifiant apparaît plusieurs fois.",
  "competencies.import.cycle": "Cet élément est son propre ancêtre (les liens isChildOf forment un cycle).",
  "competencies.import.alreadyImported":
    "Un référentiel avec cet identifiant existe déjà ; importez-le comme copie avec un nouvel identifiant, ou créez une nouvelle version.",
  "competencies.import.badLanguage": "« {value} » n’est pas un code de langue ; l’anglais a été retenu.",
  "competencies.import.unknownType": "Le type d’association « {value} » n’est pas un type CASE ; il a été ignoré.",
  "competencies.import.unknownNode": "« {value} » n’est pas un élément de ce paquet ; l’élément a été placé au premier niveau.",
  "competencies.import.secondParent": "L’élément a déjà un parent ; ce second lien isChildOf a été ignoré.",
  "competencies.import.externalOrigin": "L’association part d’un élément extérieur au paquet ; elle a été ignorée.",
  "competencies.import.rubricLeftOut": "Cette grille n’est pas une liste de niveaux de maîtrise ; elle a été ignorée.",
  "competencies.import.unknownLevel": "Le niveau « {value} » ne figure pas parmi ceux du paquet ; l’élément n’en a pas.",
  "competencies.import.extensionIgnored": "Les traductions dans les extensions de cette entrée sont illisibles ; elles ont été ignorées.",
} as const satisfies Catalogue<typeof en>;

import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "input.required": "Remplissez ce champ.",
  "input.tooShort": "{minimum, plural, one {Utilisez au moins # caractère.} other {Utilisez au moins # caractères.}}",
  "input.tooLong": "{maximum, plural, one {Utilisez au plus # caractère.} other {Utilisez au plus # caractères.}}",
  "input.tooSmall": "Indiquez {minimum} ou plus.",
  "input.tooBig": "Indiquez {maximum} ou moins.",
  "input.tooFew": "{minimum, plural, one {Ajoutez au moins # élément.} other {Ajoutez au moins # éléments.}}",
  "input.tooMany": "{maximum, plural, one {Gardez au plus # élément.} other {Gardez au plus # éléments.}}",
  "input.wholeNumber": "Indiquez un nombre entier.",
  "input.number": "Indiquez un nombre.",
  "input.email": "Saisissez une adresse e-mail comme nom@exemple.org.",
  "input.url": "Saisissez une adresse web complète commençant par https://.",
  "input.choice": "Choisissez l’une des options.",
  "input.date": "Indiquez une date comme 2026-11-26.",
  "input.unknownField": "Ce champ n’est pas attendu ici.",
  "input.invalid": "Cette valeur n’est pas valide.",
  "input.singleLine": "Écrivez ce texte sur une seule ligne, sans saut de ligne, tabulation ni caractère de contrôle.",
  "input.invisibleCharacters": "Retirez de ce nom les caractères invisibles de direction ou de largeur nulle.",
} as const satisfies Catalogue<typeof en>;

import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "input.required": "Complete este campo.",
  "input.tooShort": "{minimum, plural, one {Use al menos # carácter.} other {Use al menos # caracteres.}}",
  "input.tooLong": "{maximum, plural, one {Use como máximo # carácter.} other {Use como máximo # caracteres.}}",
  "input.tooSmall": "Indique {minimum} o más.",
  "input.tooBig": "Indique {maximum} o menos.",
  "input.tooFew": "{minimum, plural, one {Añada al menos # elemento.} other {Añada al menos # elementos.}}",
  "input.tooMany": "{maximum, plural, one {Deje como máximo # elemento.} other {Deje como máximo # elementos.}}",
  "input.wholeNumber": "Indique un número entero.",
  "input.number": "Indique un número.",
  "input.email": "Escriba un correo electrónico como nombre@ejemplo.org.",
  "input.url": "Escriba una dirección web completa que empiece por https://.",
  "input.choice": "Elija una de las opciones.",
  "input.date": "Indique una fecha como 2026-11-26.",
  "input.unknownField": "Este campo no se esperaba aquí.",
  "input.invalid": "Este valor no es válido.",
  "input.singleLine": "Escriba este texto en una sola línea, sin saltos de línea, tabuladores ni caracteres de control.",
  "input.invisibleCharacters": "Quite de este nombre los caracteres invisibles de dirección o de ancho cero.",
} as const satisfies Catalogue<typeof en>;

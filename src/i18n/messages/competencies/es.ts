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
  "competencies.import.notJson": "El archivo no es JSON válido.",
  "competencies.import.tooLarge": "El archivo supera los {max, number} bytes.",
  "competencies.import.tooMany": "Hay más de {max, number} entradas aquí.",
  "competencies.import.tooLong": "{field} supera los {max, number} caracteres.",
  "competencies.import.notObject": "Esta entrada no es un objeto JSON.",
  "competencies.import.notList": "Esto debería ser una lista.",
  "competencies.import.noDocument": "El paquete no tiene CFDocument.",
  "competencies.import.missingField": "Falta {field}.",
  "competencies.import.duplicateIdentifier": "Este identificador aparece más de una vez.",
  "competencies.import.cycle": "Este elemento es su propio antecesor (los vínculos isChildOf forman un ciclo).",
  "competencies.import.alreadyImported":
    "Ya existe un marco con este identificador; impórtelo como copia con un identificador nuevo o cree una nueva versión.",
  "competencies.import.badLanguage": "«{value}» no es un código de idioma; se asumió el inglés.",
  "competencies.import.unknownType": "El tipo de asociación «{value}» no es de CASE; se omitió.",
  "competencies.import.unknownNode": "«{value}» no es un elemento de este paquete; el elemento se colocó en el nivel superior.",
  "competencies.import.secondParent": "El elemento ya tiene un padre; este segundo vínculo isChildOf se omitió.",
  "competencies.import.externalOrigin": "La asociación parte de un elemento ajeno al paquete; se omitió.",
  "competencies.import.rubricLeftOut": "Esta rúbrica no es una lista de niveles de competencia; se omitió.",
  "competencies.import.unknownLevel": "El nivel «{value}» no está entre los del paquete; el elemento queda sin nivel.",
  "competencies.import.extensionIgnored": "No se pudieron leer las traducciones de las extensiones de esta entrada; se omitieron.",
} as const satisfies Catalogue<typeof en>;

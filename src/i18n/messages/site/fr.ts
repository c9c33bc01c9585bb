import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "site.menu": "Menu",
  "site.style.title": "Guide de style",
  "site.style.lead": "Les jetons et composants dont chaque page d’Orbis est faite. Utilisez-les avant d’écrire de nouveaux styles.",
  "site.style.colours": "Couleurs",
  "site.style.coloursHint": "Les thèmes clair et sombre suivent le réglage du système du lecteur.",
  "site.style.type": "Échelle typographique",
  "site.style.typeHint":
    "Polices du système choisies par écriture : latin, cyrillique, arabe et chinois s’affichent sans aucun téléchargement.",
  "site.style.spacing": "Espacements et coins",
  "site.style.token": "Jeton",
  "site.style.size": "Taille",
  "site.style.tableHint": "Sous 640 px, chaque ligne d’un tableau devient une carte dont les cellules portent le nom de leur colonne.",
  "site.style.buttons": "Boutons",
  "site.style.primary": "Action principale",
  "site.style.secondary": "Autre action",
  "site.style.badges": "Badges",
  "site.style.cards": "Cartes de cours et couvertures générées",
  "site.style.cardsHint":
    "Un cours sans couverture téléversée en reçoit une dessinée à partir de son titre, de sa catégorie et de son centre.",
  "site.style.progress": "Progression",
  "site.style.progressValue": "{percent, number, percent} terminé",
  "site.style.empty": "États vides",
  "site.style.emptyTitle": "Rien ici pour l’instant",
  "site.style.emptyBody": "Une liste vide dit ce qui apparaîtrait ici et comment ajouter le premier élément.",
  "site.style.notices": "Messages",
  "site.style.noticeOk": "Vos modifications sont enregistrées.",
  "site.style.noticeError": "Vérifiez les champs signalés ci-dessous.",
  "site.style.header": "En-tête de page et fil d’Ariane",
  "site.style.tabs": "Onglets",
  "site.breadcrumb": "Fil d’Ariane",
  "site.filters": "Filtres",
} satisfies Catalogue<typeof en>;

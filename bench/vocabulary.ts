// Words the generated collective is made of: French names, places, chantiers, descriptions and
// review comments, so that rows have the width and the characters (accents, apostrophes) of real ones.

export const FIRST_NAMES = [
  'Alice',
  'Bruno',
  'Chloé',
  'Djamel',
  'Élise',
  'Fatou',
  'Gaspard',
  'Hélène',
  'Idriss',
  'Jeanne',
  'Karim',
  'Léa',
  'Mathis',
  'Nadia',
  'Océane',
  'Pierre',
  'Quentin',
  'Rachida',
  'Samuel',
  'Thaïs',
  'Ulysse',
  'Valérie',
  'William',
  'Yasmine',
  'Zoé',
  'Amandine',
  'Baptiste',
  'Céline',
  'Damien',
  'Emma',
  'François',
  'Garance',
  'Hugo',
  'Inès',
  'Jules',
  'Kenza',
  'Louis',
  'Manon',
  'Noé',
  'Ophélie',
  'Paul',
  'Rose',
  'Sofiane',
  'Théo',
  'Victor',
  'Aïcha',
  'Benoît',
  'Camille',
];

export const LAST_NAMES = [
  'Martin',
  'Lefebvre',
  'Dubois',
  'Benali',
  'Moreau',
  'Diallo',
  'Leroy',
  'Roux',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Muller',
  'Lefèvre',
  'Faure',
  'André',
  'Mercier',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'François',
  'Legrand',
  'Gauthier',
  'Garcia',
  'Perrin',
  'Robin',
  'Clément',
  'Morin',
  'Nicolas',
  'Henry',
  'Roussel',
  'Mathieu',
  'Gautier',
  'Masson',
  'Marchand',
  'Duval',
  'Denis',
  'Dumont',
  'Marie',
  'Lemaire',
  'Noël',
  'Meyer',
];

export const PLACES = [
  { code: 'COR', name: 'La Coroutine' },
  { code: 'BAR', name: 'La Baraka' },
  { code: 'MFA', name: 'MonsFabrica' },
  { code: 'GAR', name: 'La Gare Numérique' },
  { code: 'CON', name: 'La Condition Publique' },
  { code: 'MAI', name: 'La Maison du Projet' },
  { code: 'FAB', name: 'Le Fablab de Fives' },
  { code: 'JAR', name: 'Les Jardins Partagés' },
  { code: 'ATE', name: "L'Atelier Solidaire" },
  { code: 'RUC', name: 'La Ruche Roubaisienne' },
];

export const CHANTIERS = [
  'Gestion et animation des tiers-lieux',
  'Accompagnement des collectifs aux pratiques contributives et collaboratives',
  'Développement de nouveaux services',
  'Communication et documentation',
  'Accueil et médiation',
  'Fabrication numérique',
  'Alimentation durable',
  'Formation des bénévoles',
  'Outils numériques libres',
  'Événements et festival',
  'Recherche de financements',
  'Gouvernance partagée',
];

export const DESCRIPTIONS = [
  'Animation de l’atelier du jeudi',
  'Mise à jour de l’inventaire partagé sur Dokos',
  'Réunion de coordination inter-lieux',
  'Accueil des nouveaux membres',
  'Rédaction du compte rendu de l’assemblée',
  'Préparation du dossier de subvention',
  'Rencontre avec un commerçant du quartier',
  'Maintenance du site web',
  'Facilitation d’un atelier de gouvernance partagée',
  'Permanence au fablab',
  'Installation du matériel pour l’événement du samedi',
  'Formation à la découpeuse laser',
  'Suivi des adhésions et relances',
  'Réunion avec la mairie de quartier',
  'Inventaire de la matériauthèque',
  'Rédaction d’un tutoriel pour la documentation',
  'Tenue du stand au marché',
  'Préparation des repas partagés',
  'Entretien du potager collectif',
  'Migration des outils vers le serveur libre',
];

export const DETAILS = [
  'avec l’équipe de bénévoles',
  'suite à la réunion de lundi',
  'pour le pass tiers-lieux',
  'en lien avec le chantier voisin',
  'demandé par le collectif',
  '(deuxième partie)',
  'et envoi du compte rendu',
  'avec deux nouvelles personnes',
];

export const REJECTION_REASONS = [
  'Cette activité relève du bénévolat, pas du budget du chantier.',
  'Déjà déclarée le même jour par une autre personne.',
  'Hors du périmètre du chantier : à déclarer ailleurs.',
  'Durée sans rapport avec ce qui a été convenu en réunion.',
];

export const CHANGE_REQUESTS = [
  'Peux-tu préciser ce qui a été fait ?',
  'Merci d’indiquer le lieu.',
  'La durée me semble élevée, peux-tu vérifier ?',
  'Ajoute le lien vers le compte rendu, s’il te plaît.',
];

export const APPROVAL_COMMENTS = ['Merci !', 'Bravo pour ce travail.', 'Validé, merci pour le compte rendu.'];

export const ORGANISATIONS = ['Coopérative Oxalis', 'La Coroutine', 'SCIC Les Tiers-Lieux du Nord', 'Coopaname'];

/** "Élise Lefèvre" → "elise.lefevre": email-safe ASCII. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

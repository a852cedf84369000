// The words of public procurement, explained in one or two plain sentences.

export const glossary: { term: string; text: string }[] = [
  { term: 'DCE', text: 'Dossier de consultation des entreprises : tout ce que les entreprises lisent pour préparer leur offre. Ici, il tient en un seul document.' },
  { term: 'MAPA', text: 'Marché à procédure adaptée : sous les seuils européens, l’acheteur fixe lui-même les règles de la consultation, pourvu qu’elles soient claires et annoncées (article R2123-4).' },
  { term: 'Variante', text: 'Une autre solution que celle décrite, proposée par l’entreprise. Elle doit respecter les exigences minimales fixées par l’acheteur (articles R2151-8 à R2151-10).' },
  { term: 'PSE', text: 'Prestation supplémentaire éventuelle : un « plus » chiffré par les entreprises, que la commune décide de prendre ou non à la signature. Ce n’est pas une variante.' },
  { term: 'Critère d’attribution', text: 'Ce sur quoi les offres sont notées : prix, valeur technique, performance environnementale… Il doit être annoncé avec sa façon de noter (article R2152-11).' },
  { term: 'Sous-critère', text: 'Une partie d’un critère, notée sur quelques points, par exemple « organisation des livraisons » dans la valeur technique.' },
  { term: 'Pondération', text: 'Le poids de chaque critère dans la note finale, en pourcentage ; le total fait 100 % (article R2152-12).' },
  { term: 'CCAG', text: 'Cahier des clauses administratives générales : des conditions types publiées par l’État (FCS, Travaux, PI, TIC, MI, MOE). Il ne s’applique que si le document y renvoie.' },
  { term: 'Dérogation', text: 'Un article du document qui dit autre chose que le CCAG. Toutes les dérogations sont récapitulées dans le dernier article (article R2112-3).' },
  { term: 'Avance', text: 'Une somme versée au titulaire avant qu’il commence, pour l’aider à démarrer ; obligatoire au-delà de 50 000 € HT et 2 mois (article R2191-3).' },
  { term: 'Acompte', text: 'Un paiement partiel en cours d’exécution, pour ce qui a déjà été fait ; au moins tous les 3 mois (article R2191-22).' },
  { term: 'Retenue de garantie', text: 'Une part de chaque paiement gardée jusqu’à la fin du délai de garantie, pour couvrir les défauts ; 5 % au plus (article R2191-33).' },
  { term: 'Révision de prix', text: 'Le prix suit l’évolution d’indices officiels pendant tout le marché, selon une formule écrite dans le document (article R2112-14).' },
  { term: 'Actualisation', text: 'Un prix ferme mis à jour une seule fois, si l’exécution commence plus de 3 mois après la remise de l’offre (article R2112-10).' },
  { term: 'DUME', text: 'Document unique de marché européen : une déclaration sur l’honneur standard qui suffit pour candidater (articles R2143-3 et R2143-4).' },
  { term: 'Profil d’acheteur', text: 'La plateforme en ligne où la commune publie ses consultations et reçoit les offres (article R2132-3).' },
  { term: 'Expression fonctionnelle du besoin', text: 'Décrire ce que l’achat doit permettre (des fonctions, avec un niveau attendu) plutôt qu’un produit précis ; les entreprises proposent la solution (article R2111-10, norme NF EN 16271).' },
  { term: 'Souplesse F0 à F3', text: 'Dit si un niveau attendu peut varier : F0 impératif, F1 peu négociable, F2 négociable, F3 indicatif. Les niveaux F0 forment les exigences minimales.' },
  { term: 'Offre anormalement basse', text: 'Une offre dont le prix semble trop bas pour être sérieux. L’acheteur doit demander des explications avant de la rejeter ; l’exclure automatiquement est interdit (articles L2152-5 et R2152-3).' },
];

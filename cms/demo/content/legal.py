"""The legal pages of the demo site: Mentions légales, Accessibilité (RGAA statement),
Données personnelles. Editable standard pages; the footer finds them through
``FooterSettings`` (cms.navigation), which the seed fills.

What they say is what the portal does (session and CSRF cookies only, no audience
measurement, what the extranet stores and for how long); names and numbers that would identify
real people are left out, and addresses are the fictional ones of the Contact page.
"""

from .blocks import accordion, heading, rich_text
from .news import StandardPage

LEGAL_NOTICE = "mentions-legales"
ACCESSIBILITY = "accessibilite"
PRIVACY = "donnees-personnelles"

LEGAL_PAGES: tuple[StandardPage, ...] = (
    StandardPage(
        slug=LEGAL_NOTICE,
        title="Mentions légales",
        intro="Qui édite ce site, qui l'héberge, et à quelles conditions réutiliser ses contenus.",
        body=(
            heading("Éditeur"),
            rich_text(
                "<p><strong>Ressources &amp; Territoires</strong>, groupement d'intérêt public "
                "(GIP), centre de ressources régional de la cohésion sociale et territoriale "
                "en Occitanie.<br>134 route d'Espagne – BP 53566, 31035 Toulouse Cedex 1<br>"
                'Téléphone : 05 36 49 00 00 – Courriel : <a href="mailto:accueil@example.org">'
                "accueil@example.org</a></p>"
                "<p>Directeur ou directrice de la publication : la direction du GIP.</p>"
            ),
            heading("Hébergement"),
            rich_text(
                "<p>Le site et l'espace membres sont hébergés en France, sur des serveurs "
                "administrés pour le compte du GIP. Les données ne sont pas transférées hors de "
                "l'Union européenne.</p>"
            ),
            heading("Propriété intellectuelle et réutilisation"),
            rich_text(
                "<p>Sauf mention contraire, les textes de ce site peuvent être réutilisés "
                "librement, à condition de citer la source (« Ressources &amp; Territoires ») "
                "et la date de la page. Les photographies, logos et publications de "
                "partenaires restent la propriété de leurs auteur·rice·s.</p>"
                "<p>Les liens vers d'autres sites sont proposés à titre d'information ; le GIP "
                "n'est pas responsable de leur contenu.</p>"
            ),
        ),
    ),
    StandardPage(
        slug=ACCESSIBILITY,
        title="Accessibilité",
        intro=(
            "Ressources & Territoires s'engage à rendre ses sites internet accessibles, "
            "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005."
        ),
        body=(
            rich_text(
                "<p>Cette déclaration d'accessibilité s'applique au site public de Ressources "
                "&amp; Territoires et à son espace membres.</p>"
            ),
            heading("État de conformité"),
            rich_text(
                "<p>Le site est <strong>partiellement conforme</strong> avec le référentiel "
                "général d'amélioration de l'accessibilité (RGAA), version 4.1, en raison des "
                "non-conformités énumérées ci-dessous.</p>"
            ),
            heading("Résultats des tests"),
            rich_text(
                "<p>Chaque gabarit de page est vérifié automatiquement (outil axe-core, dans un "
                "navigateur) à chaque modification du site : aucune erreur n'est relevée. Un "
                "audit complet du RGAA par un organisme externe reste à conduire.</p>"
            ),
            heading("Contenus non accessibles"),
            rich_text(
                "<ul><li>Certaines publications au format PDF, antérieures à 2020, ne sont "
                "pas balisées ; une version accessible est envoyée sur demande.</li>"
                "<li>Les vidéos intégrées depuis des plateformes tierces n'ont pas toutes de "
                "sous-titres ni de transcription.</li>"
                "<li>Les documents partagés par les membres dans les espaces privés ne sont "
                "pas contrôlés.</li></ul>"
            ),
            heading("Établissement de cette déclaration"),
            rich_text(
                "<p>Technologies utilisées : HTML, CSS, SVG ; JavaScript n'est utilisé que "
                "pour replier le menu sur les petits écrans, le site restant utilisable sans "
                "lui. Tests réalisés avec Chromium, le clavier seul et un lecteur d'écran.</p>"
            ),
            heading("Retour d'information et contact"),
            rich_text(
                "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez-nous "
                'par courriel à <a href="mailto:accessibilite@example.org">'
                "accessibilite@example.org</a> ou par courrier à l'adresse des mentions "
                "légales : nous vous orienterons vers une alternative accessible ou vous "
                "enverrons le contenu sous une autre forme.</p>"
            ),
            heading("Voies de recours"),
            rich_text(
                "<p>Si vous nous avez signalé un défaut d'accessibilité qui vous empêche "
                "d'accéder à un contenu ou à un service et que vous n'avez pas obtenu de "
                "réponse satisfaisante, vous pouvez :</p><ul>"
                "<li>écrire un message au Défenseur des droits (formulaire en ligne) ;</li>"
                "<li>contacter le délégué ou la déléguée du Défenseur des droits de votre "
                "région ;</li><li>envoyer un courrier gratuitement, sans timbre, à : "
                "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li></ul>"
            ),
        ),
    ),
    StandardPage(
        slug=PRIVACY,
        title="Données personnelles",
        intro=(
            "Ce que le site et l'espace membres enregistrent sur vous, pourquoi, combien de "
            "temps, et comment exercer vos droits."
        ),
        body=(
            heading("Sur le site public"),
            rich_text(
                "<p>Le site public ne mesure pas l'audience et n'utilise aucun traceur "
                "publicitaire ni service tiers (polices, vidéos ou statistiques chargées "
                "depuis un autre site).</p>"
            ),
            heading("Cookies"),
            rich_text(
                "<p>Deux cookies seulement, strictement nécessaires, qui ne demandent donc pas "
                "votre consentement :</p><ul><li><strong>sessionid</strong> : garde votre "
                "connexion à l'espace membres, jusqu'à la déconnexion ou deux semaines au "
                "plus ;</li><li><strong>csrftoken</strong> : protège les formulaires contre "
                "leur envoi par un autre site.</li></ul>"
            ),
            heading("Flash Info, la lettre d'information"),
            rich_text(
                "<p>Pour recevoir le Flash Info, nous conservons votre adresse électronique, "
                "la date de votre inscription et celle de votre confirmation. Chaque envoi "
                "contient un lien de désinscription en un clic ; une adresse désinscrite "
                "ne reçoit plus rien.</p>"
            ),
            heading("Dans l'espace membres"),
            accordion(
                "Ce que l'espace membres enregistre",
                [
                    (
                        "Votre compte",
                        "<p>Nom, prénom, adresse électronique, structure et fonction, pour "
                        "vous identifier auprès des autres membres de vos espaces.</p>",
                    ),
                    (
                        "Vos contributions",
                        "<p>Les messages et documents que vous publiez dans les espaces "
                        "dont vous êtes membre, visibles de leurs seuls membres.</p>",
                    ),
                    (
                        "Vos participations",
                        "<p>Vos inscriptions et présences aux rencontres des réseaux, "
                        "comptées dans le rapport d'activité annuel sans vous nommer.</p>",
                    ),
                    (
                        "Vos notifications",
                        "<p>Vos réglages de notification par espace et par sujet.</p>",
                    ),
                ],
            ),
            heading("Base légale, durée et destinataires"),
            rich_text(
                "<p>Ces traitements relèvent de la mission d'intérêt public du GIP "
                "(animation des réseaux professionnels de la cohésion sociale). Les données "
                "ne sont transmises à personne en dehors du GIP et de son hébergeur. Un "
                "compte inactif depuis trois ans est supprimé.</p>"
            ),
            heading("Vos droits"),
            rich_text(
                "<p>Vous pouvez accéder à vos données, les faire rectifier ou effacer, et vous "
                "opposer à leur traitement, en écrivant à "
                '<a href="mailto:dpo@example.org">dpo@example.org</a>. Si vous estimez, '
                "après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez "
                "adresser une réclamation à la CNIL.</p>"
            ),
        ),
    ),
)

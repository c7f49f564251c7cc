"""A seeded generator of scraped-looking articles for benchmarks, at any size.

    python benchmarks/generate.py --mb 100 --out /tmp/corpus            # ~100 MB of .txt files
    python benchmarks/generate.py --mb 5 --out /tmp/small --seed 7

Articles are in English, French, German, Spanish, Italian and Portuguese, one folder per site.
They carry the defects cleantext exists for, at the rates in `RATES`: paragraphs of UTF-8 read as
cp1252, image captions scraped twice (alt text and figcaption), misspelt place names and
demonyms, comment forms, share rows, related-article lists, newsletter and cookie prompts, stray
spaces and CRLF files. Sentences are assembled from parts with numbers, names and places drawn
per sentence, so lines are almost never repeated across documents: a benchmark of line dedup or
of anything with a cache is not flattered by exact repetition. The same seed and size always
give the same bytes. All sentences were written for this file.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252", the real-world mis-decoding

RATES = {
    "mojibake_paragraph": 0.04,  # share of paragraphs re-read as cp1252
    "caption_doc": 0.45,  # documents with a photo caption scraped twice
    "typo_doc": 0.25,  # documents with one misspelt place name or demonym
    "other_place": 0.3,  # sentences about a second country, not the article's own
    "comment_form": 0.35,
    "share_row": 0.4,
    "related_list": 0.35,
    "newsletter": 0.2,
    "cookie": 0.1,
    "stray_spaces": 0.15,  # documents with indents, trailing spaces, double spaces
    "crlf": 0.05,  # documents saved with CRLF line ends
    "entity": 0.03,  # paragraphs with an HTML entity left in
}
GIVEN = ("Amadou Aïcha Fatima Ibrahim Mariam Omar Élodie Jonas Lucía Giulia João Hanna Kemal Ayşe "
         "Ngozi Kwame Salif Rokia Hélène Matteo Inês Jürgen Zeynep Moussa").split()
FAMILY = ("Diallo Traoré Mody Zeine Keita Ouédraogo Mensah Okafor Yılmaz Demir Moreau Schneider García "
          "Rossi Santos Ferreira Haddad Issoufou Bâ Müller Conte Oliveira Sow Kaya").split()
SITES = (("news", 1), ("news", 2), ("blog", 1), ("press", 1))

LANGS = {
 "en": dict(
  templates=[
   "{when}, {who}, {role} of {org}, said the {topic} plan would be presented in {city} before {month}.",
   "The {dem} government has set aside {num} million {cur} for {topic} in the {region} region, according to figures released {when}.",
   "{who} told reporters in {city} that {num} {people} had been affected since {month}, a figure {org} has not confirmed.",
   "Officials in {country} expect the talks on {topic} to resume {next}, after {small} days without a meeting.",
   "“{quote},” said {who}, who led the {org} delegation to {city} {when}.",
   "Prices of {goods} in {city} rose by {small} per cent over {period}, traders at the central market said.",
   "The {dem} Prime Minister met {who} in {city} on {weekday} to discuss {topic} and {topic2}.",
   "Analysts at {org} said the {topic} programme could cost up to {num} million {cur} over {small} years — far more than planned.",
  ],
  when="On Monday|On Tuesday|Late on Wednesday|Earlier this week|Last month|On Friday evening|In a statement on Sunday|Two weeks ago",
  next="next week|in the spring|after the holidays|before the end of the year|within a month",
  role="spokesperson|director|deputy head|chair|regional coordinator|finance officer",
  org="the Ministry of Finance|the regional council|the national statistics office|the African Development Bank|the electoral commission|the farmers’ union|the health ministry|the port authority",
  topic="water supply|road building|the electricity grid|drought relief|school meals|border security|the budget|vaccination|grain storage|public transport",
  people="households|families|farmers|pupils|traders|residents|patients",
  goods="rice|millet|cooking gas|fuel|onions|cement|sugar",
  period="the past month|the summer|the first quarter|six weeks|the rainy season",
  quote="We cannot wait for another season|This is a first step, not the last|The money has to reach the villages|Nobody expected the figures to be this high|We will publish every contract",
  weekday="Monday|Tuesday|Wednesday|Thursday|Friday|Saturday",
  month="January|March|April|June|September|October|December",
  cur="dollars|euros|CFA francs|dirhams|lira",
  places=[("Niger","Nigerien","Niamey","Tillabéri"),("Nigeria","Nigerian","Abuja","Kano"),("Turkey","Turkish","Ankara","Anatolia"),("Morocco","Moroccan","Rabat","Souss-Massa"),("Senegal","Senegalese","Dakar","Thiès"),("Mali","Malian","Bamako","Ségou"),("Ghana","Ghanaian","Accra","Ashanti"),("Kenya","Kenyan","Nairobi","Rift Valley"),("Portugal","Portuguese","Lisbon","Alentejo")],
  head=["{country} sets aside funds for {topic}","{dem} officials meet in {city} over {topic}","Talks on {topic} to resume {next}","{city} traders report rising prices of {goods}"],
  byline="By {who}|{who}, {city}|Staff reporter, {city}",
  caption="Residents queue for {goods} in {city} on {weekday}.|A market in {city}, {country}, in {month}.|{who} speaks to reporters in {city}.",
  credit="Photo:|Image:|Credit: AFP —",
  share="Share this:|Share:|Share on",
  related="Related articles|You may also like|Read more",
  newsletter=["Sign up for our daily newsletter", "Get the morning briefing in your inbox", "Subscribe to our newsletter for the latest news"],
  cookie=["We use cookies to improve your experience. Accept", "This site uses cookies. By continuing you agree to their use. OK"],
  comment=["Leave a Reply", "Your email address will not be published. Required fields are marked *", "Comment *", "Name *", "Email *", "Save my name, email, and website in this browser for the next time I comment.", "Post Comment"],
 ),
 "fr": dict(
  templates=[
   "{when}, {who}, {role} de {org}, a indiqué que le plan sur {topic} serait présenté à {city} avant {month}.",
   "Le gouvernement {dem} a débloqué {num} millions de {cur} pour {topic} dans la région de {region}, selon des chiffres publiés {when_l}.",
   "{who} a déclaré à la presse à {city} que {num} {people} avaient été touchés depuis {month}, un chiffre que {org} n’a pas confirmé.",
   "À {city}, les autorités espèrent une reprise des discussions sur {topic} {next}, après {small} jours sans réunion.",
   "« {quote} », a affirmé {who}, qui conduisait la délégation de {org} à {city} {when_l}.",
   "Le prix {goods} a augmenté de {small} % à {city} en {period}, selon les commerçants du marché central.",
   "Le Premier ministre {dem} a reçu {who} à {city} {weekday} pour évoquer {topic} et {topic2}.",
   "Selon les analystes de {org}, le programme sur {topic} pourrait coûter jusqu’à {num} millions de {cur} sur {small} ans.",
  ],
  when="Lundi|Mardi soir|Mercredi|En début de semaine|Le mois dernier|Vendredi|Dimanche, dans un communiqué|Il y a deux semaines",
  next="la semaine prochaine|au printemps|après les fêtes|avant la fin de l’année|d’ici un mois",
  role="porte-parole|directrice|directeur adjoint|président|coordinatrice régionale|responsable financier",
  org="le ministère des Finances|le conseil régional|l’institut de la statistique|la Banque africaine de développement|la commission électorale|le syndicat des agriculteurs|le ministère de la Santé|l’autorité portuaire",
  topic="l’accès à l’eau|les routes|le réseau électrique|l’aide contre la sécheresse|les cantines scolaires|la sécurité aux frontières|le budget|la vaccination|le stockage des céréales|les transports publics",
  people="ménages|familles|agriculteurs|élèves|commerçants|habitants|patients",
  goods="du riz|du mil|du gaz|du carburant|des oignons|du ciment|du sucre",
  period="un mois|été|trois mois|six semaines|saison des pluies",
  quote="Nous ne pouvons pas attendre une autre saison|C’est un premier pas, pas le dernier|L’argent doit arriver dans les villages|Personne ne s’attendait à de tels chiffres|Nous publierons chaque contrat",
  weekday="lundi|mardi|mercredi|jeudi|vendredi|samedi",
  month="janvier|mars|avril|juin|septembre|octobre|décembre",
  cur="francs CFA|euros|dollars|dirhams",
  places=[("Niger","nigérien","Niamey","Tillabéri"),("Sénégal","sénégalais","Dakar","Thiès"),("Mali","malien","Bamako","Ségou"),("Maroc","marocain","Rabat","Souss-Massa"),("Turquie","turc","Ankara","Anatolie"),("Côte d’Ivoire","ivoirien","Abidjan","Bouaké"),("Burkina Faso","burkinabè","Ouagadougou","Bobo-Dioulasso")],
  head=["{country} : des fonds pour {topic}","Réunion à {city} sur {topic}","Les discussions sur {topic} reprendront {next}","À {city}, le prix {goods} s’envole"],
  byline="Par {who}|{who}, à {city}|La rédaction, {city}",
  caption="Des habitants font la queue à {city}, {weekday}.|Un marché de {city}, au {country}, en {month}.|{who} devant la presse à {city}.",
  credit="Photo :|Crédit : AFP —|Image :",
  share="Partager :|Partager sur|Partagez cet article :",
  related="Articles similaires|À lire aussi|Sur le même sujet",
  newsletter=["Inscrivez-vous à notre newsletter", "Recevez l’essentiel de l’actualité chaque matin"],
  cookie=["Ce site utilise des cookies pour améliorer votre expérience. Accepter", "En poursuivant votre navigation, vous acceptez l’utilisation de cookies. OK"],
  comment=["Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *", "Commentaire *", "Nom *", "E-mail *", "Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.", "Laisser un commentaire"],
 ),
 "de": dict(
  templates=[
   "{when} sagte {who}, {role} von {org}, der Plan für {topic} werde noch vor {month} in {city} vorgestellt.",
   "Die {dem} Regierung stellt {num} Millionen {cur} für {topic} in der Region {region} bereit, wie aus {when_l} veröffentlichten Zahlen hervorgeht.",
   "{who} sagte in {city}, seit {month} seien {num} {people} betroffen; {org} hat die Zahl nicht bestätigt.",
   "In {city} rechnen die Behörden damit, dass die Gespräche über {topic} {next} wieder aufgenommen werden, nach {small} Tagen ohne Treffen.",
   "„{quote}“, sagte {who}, der die Delegation von {org} {when_l} nach {city} führte.",
   "Der Preis für {goods} ist in {city} in {period} um {small} Prozent gestiegen, berichten Händler auf dem Zentralmarkt.",
   "Der {dem} Ministerpräsident empfing {who} am {weekday} in {city}, um über {topic} und {topic2} zu sprechen.",
   "Nach Schätzungen von {org} könnte das Programm für {topic} in {small} Jahren bis zu {num} Millionen {cur} kosten – weit mehr als geplant.",
  ],
  when="Am Montag|Am Dienstagabend|Am Mittwoch|Anfang der Woche|Im vergangenen Monat|Am Freitag|Am Sonntag|Vor zwei Wochen",
  next="nächste Woche|im Frühjahr|nach den Feiertagen|vor Jahresende|innerhalb eines Monats",
  role="Sprecherin|Direktor|stellvertretende Leiterin|Vorsitzender|Regionalkoordinatorin|Finanzchef",
  org="dem Finanzministerium|dem Regionalrat|dem Statistikamt|der Afrikanischen Entwicklungsbank|der Wahlkommission|dem Bauernverband|dem Gesundheitsministerium|der Hafenbehörde",
  topic="die Wasserversorgung|den Straßenbau|das Stromnetz|die Dürrehilfe|das Schulessen|die Grenzsicherung|den Haushalt|die Impfkampagne|die Getreidelager|den Nahverkehr",
  people="Haushalte|Familien|Landwirte|Schüler|Händler|Einwohner|Patienten",
  goods="Reis|Hirse|Gas|Treibstoff|Zwiebeln|Zement|Zucker",
  period="einem Monat|diesem Sommer|drei Monaten|sechs Wochen|der Regenzeit",
  quote="Wir können nicht auf eine weitere Saison warten|Das ist ein erster Schritt, nicht der letzte|Das Geld muss in den Dörfern ankommen|Niemand hat mit so hohen Zahlen gerechnet|Wir werden jeden Vertrag veröffentlichen",
  weekday="Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag",
  month="Januar|März|April|Juni|September|Oktober|Dezember",
  cur="Euro|Dollar|Franc CFA|Lira",
  places=[("Niger","nigrische","Niamey","Tillabéri"),("Türkei","türkische","Ankara","Anatolien"),("Marokko","marokkanische","Rabat","Souss-Massa"),("Senegal","senegalesische","Dakar","Thiès"),("Österreich","österreichische","Wien","Kärnten"),("Schweiz","Schweizer","Bern","Graubünden"),("Ghana","ghanaische","Accra","Ashanti")],
  head=["{country}: Millionen für {topic}","Treffen in {city} über {topic}","Gespräche über {topic} gehen {next} weiter","Preise für {goods} in {city} steigen"],
  byline="Von {who}|{who}, {city}|Redaktion, {city}",
  caption="Bewohner stehen in {city} am {weekday} Schlange.|Ein Markt in {city}, {country}, im {month}.|{who} spricht in {city} mit Journalisten.",
  credit="Foto:|Bild:|Quelle: dpa –",
  share="Teilen:|Artikel teilen:|Teilen auf",
  related="Das könnte Sie auch interessieren|Weitere Artikel|Mehr zum Thema",
  newsletter=["Jetzt den Newsletter abonnieren", "Die wichtigsten Nachrichten jeden Morgen per E-Mail"],
  cookie=["Diese Website verwendet Cookies. Akzeptieren", "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. OK"],
  comment=["Schreibe einen Kommentar", "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert", "Kommentar *", "Name *", "E-Mail *", "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern, bis ich wieder kommentiere.", "Kommentar abschicken"],
 ),
 "es": dict(
  templates=[
   "{when}, {who}, {role} de {org}, dijo que el plan sobre {topic} se presentará en {city} antes de {month}.",
   "El Gobierno {dem} destinará {num} millones de {cur} a {topic} en la región de {region}, según cifras publicadas {when_l}.",
   "{who} dijo a los periodistas en {city} que {num} {people} se han visto afectados desde {month}, una cifra que {org} no ha confirmado.",
   "En {city}, las autoridades esperan que las conversaciones sobre {topic} se reanuden {next}, tras {small} días sin reunión.",
   "«{quote}», afirmó {who}, que encabezó la delegación de {org} en {city} {when_l}.",
   "El precio {goods} subió un {small} % en {city} durante {period}, según los comerciantes del mercado central.",
   "El primer ministro {dem} recibió a {who} en {city} el {weekday} para hablar de {topic} y {topic2}.",
   "Según los analistas de {org}, el programa sobre {topic} podría costar hasta {num} millones de {cur} en {small} años, mucho más de lo previsto.",
  ],
  when="El lunes|El martes por la noche|El miércoles|A principios de semana|El mes pasado|El viernes|El domingo, en un comunicado|Hace dos semanas",
  next="la próxima semana|en primavera|después de las fiestas|antes de fin de año|en un mes",
  role="portavoz|directora|subdirector|presidente|coordinadora regional|responsable de finanzas",
  org="el Ministerio de Hacienda|el consejo regional|el instituto de estadística|el Banco Africano de Desarrollo|la comisión electoral|el sindicato agrario|el Ministerio de Sanidad|la autoridad portuaria",
  topic="el abastecimiento de agua|las carreteras|la red eléctrica|la ayuda contra la sequía|los comedores escolares|la seguridad fronteriza|el presupuesto|la vacunación|el almacenamiento de grano|el transporte público",
  people="hogares|familias|agricultores|alumnos|comerciantes|vecinos|pacientes",
  goods="del arroz|del mijo|del gas|del combustible|de la cebolla|del cemento|del azúcar",
  period="el último mes|el verano|el primer trimestre|seis semanas|la temporada de lluvias",
  quote="No podemos esperar otra temporada|Es un primer paso, no el último|El dinero tiene que llegar a los pueblos|Nadie esperaba cifras tan altas|Publicaremos cada contrato",
  weekday="lunes|martes|miércoles|jueves|viernes|sábado",
  month="enero|marzo|abril|junio|septiembre|octubre|diciembre",
  cur="euros|dólares|dírhams|pesos",
  places=[("Níger","nigerino","Niamey","Tillabéri"),("Marruecos","marroquí","Rabat","Souss-Massa"),("Turquía","turco","Ankara","Anatolia"),("Senegal","senegalés","Dakar","Thiès"),("México","mexicano","Ciudad de México","Oaxaca"),("Perú","peruano","Lima","Cusco"),("Colombia","colombiano","Bogotá","Antioquia")],
  head=["{country} destina fondos a {topic}","Reunión en {city} sobre {topic}","Las conversaciones sobre {topic} se reanudarán {next}","Sube el precio {goods} en {city}"],
  byline="Por {who}|{who}, {city}|Redacción, {city}",
  caption="Vecinos hacen cola en {city} el {weekday}.|Un mercado de {city}, {country}, en {month}.|{who} habla con la prensa en {city}.",
  credit="Foto:|Imagen:|Crédito: EFE —",
  share="Compartir:|Compartir en|Comparte este artículo:",
  related="Artículos relacionados|También te puede interesar|Más noticias",
  newsletter=["Suscríbete a nuestro boletín", "Recibe las noticias más importantes cada mañana"],
  cookie=["Este sitio web utiliza cookies para mejorar su experiencia. Aceptar", "Al continuar navegando, acepta el uso de cookies. OK"],
  comment=["Deja una respuesta", "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *", "Comentario *", "Nombre *", "Correo electrónico *", "Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.", "Publicar el comentario"],
 ),
 "it": dict(
  templates=[
   "{when} {who}, {role} di {org}, ha detto che il piano per {topic} sarà presentato a {city} entro {month}.",
   "Il governo {dem} ha stanziato {num} milioni di {cur} per {topic} nella regione di {region}, secondo i dati pubblicati {when_l}.",
   "{who} ha detto ai giornalisti a {city} che {num} {people} sono stati colpiti da {month}, una cifra che {org} non ha confermato.",
   "A {city} le autorità si aspettano che i colloqui su {topic} riprendano {next}, dopo {small} giorni senza incontri.",
   "«{quote}», ha dichiarato {who}, che guidava la delegazione di {org} a {city} {when_l}.",
   "Il prezzo {goods} a {city} è salito del {small} per cento in {period}, secondo i commercianti del mercato centrale.",
   "Il primo ministro {dem} ha ricevuto {who} a {city} {weekday} per parlare di {topic} e {topic2}.",
   "Secondo gli analisti di {org}, il programma per {topic} potrebbe costare fino a {num} milioni di {cur} in {small} anni, molto più del previsto.",
  ],
  when="Lunedì|Martedì sera|Mercoledì|All’inizio della settimana|Il mese scorso|Venerdì|Domenica, in una nota,|Due settimane fa",
  next="la prossima settimana|in primavera|dopo le feste|entro la fine dell’anno|entro un mese",
  role="portavoce|direttrice|vicedirettore|presidente|coordinatrice regionale|responsabile finanziario",
  org="il ministero delle Finanze|il consiglio regionale|l’istituto di statistica|la Banca africana di sviluppo|la commissione elettorale|il sindacato degli agricoltori|il ministero della Salute|l’autorità portuale",
  topic="l’acqua potabile|le strade|la rete elettrica|gli aiuti contro la siccità|le mense scolastiche|la sicurezza dei confini|il bilancio|le vaccinazioni|i depositi di cereali|il trasporto pubblico",
  people="famiglie|nuclei familiari|agricoltori|studenti|commercianti|residenti|pazienti",
  goods="del riso|del miglio|del gas|del carburante|delle cipolle|del cemento|dello zucchero",
  period="un mese|estate|tre mesi|sei settimane|stagione delle piogge",
  quote="Non possiamo aspettare un’altra stagione|È un primo passo, non l’ultimo|I soldi devono arrivare nei villaggi|Nessuno si aspettava numeri così alti|Pubblicheremo ogni contratto",
  weekday="lunedì|martedì|mercoledì|giovedì|venerdì|sabato",
  month="gennaio|marzo|aprile|giugno|settembre|ottobre|dicembre",
  cur="euro|dollari|franchi CFA|lire",
  places=[("Niger","nigerino","Niamey","Tillabéri"),("Turchia","turco","Ankara","Anatolia"),("Marocco","marocchino","Rabat","Souss-Massa"),("Senegal","senegalese","Dakar","Thiès"),("Tunisia","tunisino","Tunisi","Sfax"),("Albania","albanese","Tirana","Valona"),("Etiopia","etiope","Addis Abeba","Oromia")],
  head=["{country}, fondi per {topic}","Vertice a {city} su {topic}","I colloqui su {topic} riprenderanno {next}","A {city} vola il prezzo {goods}"],
  byline="Di {who}|{who}, {city}|Redazione, {city}",
  caption="Residenti in fila a {city} {weekday}.|Un mercato di {city}, in {country}, a {month}.|{who} parla con i giornalisti a {city}.",
  credit="Foto:|Immagine:|Credito: ANSA —",
  share="Condividi:|Condividi su|Condividi questo articolo:",
  related="Articoli correlati|Potrebbe interessarti anche|Leggi anche",
  newsletter=["Iscriviti alla nostra newsletter", "Ricevi ogni mattina le notizie più importanti"],
  cookie=["Questo sito utilizza cookie per migliorare la tua esperienza. Accetta", "Continuando la navigazione accetti l’uso dei cookie. OK"],
  comment=["Lascia un commento", "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *", "Commento *", "Nome *", "Email *", "Salva il mio nome, email e sito web in questo browser per la prossima volta che commento.", "Invia commento"],
 ),
 "pt": dict(
  templates=[
   "{when}, {who}, {role} de {org}, disse que o plano para {topic} será apresentado em {city} antes de {month}.",
   "O Governo {dem} vai destinar {num} milhões de {cur} a {topic} na região de {region}, segundo números divulgados {when_l}.",
   "{who} disse aos jornalistas em {city} que {num} {people} foram afetados desde {month}, um número que {org} não confirmou.",
   "Em {city}, as autoridades esperam que as negociações sobre {topic} sejam retomadas {next}, após {small} dias sem reunião.",
   "«{quote}», afirmou {who}, que chefiou a delegação de {org} em {city} {when_l}.",
   "O preço {goods} subiu {small} % em {city} durante {period}, segundo os comerciantes do mercado central.",
   "O primeiro-ministro {dem} recebeu {who} em {city} na {weekday} para discutir {topic} e {topic2}.",
   "Segundo os analistas de {org}, o programa para {topic} pode custar até {num} milhões de {cur} em {small} anos, muito mais do que o previsto.",
  ],
  when="Na segunda-feira|Na terça-feira à noite|Na quarta-feira|No início da semana|No mês passado|Na sexta-feira|No domingo, em comunicado|Há duas semanas",
  next="na próxima semana|na primavera|depois das festas|antes do fim do ano|dentro de um mês",
  role="porta-voz|diretora|diretor-adjunto|presidente|coordenadora regional|responsável financeiro",
  org="o Ministério das Finanças|o conselho regional|o instituto de estatística|o Banco Africano de Desenvolvimento|a comissão eleitoral|o sindicato dos agricultores|o Ministério da Saúde|a autoridade portuária",
  topic="o abastecimento de água|as estradas|a rede elétrica|a ajuda contra a seca|as cantinas escolares|a segurança das fronteiras|o orçamento|a vacinação|o armazenamento de cereais|os transportes públicos",
  people="famílias|agregados|agricultores|alunos|comerciantes|moradores|doentes",
  goods="do arroz|do milho|do gás|do combustível|da cebola|do cimento|do açúcar",
  period="o último mês|o verão|o primeiro trimestre|seis semanas|a estação das chuvas",
  quote="Não podemos esperar por outra estação|É um primeiro passo, não o último|O dinheiro tem de chegar às aldeias|Ninguém esperava números tão altos|Vamos publicar cada contrato",
  weekday="segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|manhã de sábado",
  month="janeiro|março|abril|junho|setembro|outubro|dezembro",
  cur="euros|dólares|reais|meticais|kwanzas",
  places=[("Níger","nigerino","Niamey","Tillabéri"),("Moçambique","moçambicano","Maputo","Nampula"),("Angola","angolano","Luanda","Huíla"),("Brasil","brasileiro","Brasília","Minas Gerais"),("Cabo Verde","cabo-verdiano","Praia","Santiago"),("Turquia","turco","Ancara","Anatólia"),("Marrocos","marroquino","Rabat","Souss-Massa")],
  head=["{country} destina verbas a {topic}","Reunião em {city} sobre {topic}","Negociações sobre {topic} retomadas {next}","Preço {goods} dispara em {city}"],
  byline="Por {who}|{who}, {city}|Redação, {city}",
  caption="Moradores fazem fila em {city} na {weekday}.|Um mercado em {city}, {country}, em {month}.|{who} fala aos jornalistas em {city}.",
  credit="Foto:|Imagem:|Crédito: Lusa —",
  share="Partilhar:|Partilhe no|Partilhe este artigo:",
  related="Artigos relacionados|Leia também|Mais notícias",
  newsletter=["Subscreva a nossa newsletter", "Receba as principais notícias todas as manhãs"],
  cookie=["Este site utiliza cookies para melhorar a sua experiência. Aceitar", "Ao continuar a navegar, aceita a utilização de cookies. OK"],
  comment=["Deixe um comentário", "O seu endereço de email não será publicado. Campos obrigatórios são marcados com *", "Comentário *", "Nome *", "Email *", "Guardar o meu nome, email e site neste navegador para a próxima vez que eu comentar.", "Publicar comentário"],
 ),
}


def _pick(rng: random.Random, lang: dict, key: str) -> str:
    return rng.choice(lang[key].split("|"))


def _fill(rng: random.Random, lang: dict, template: str, place: tuple) -> str:
    if rng.random() < RATES["other_place"]:
        place = rng.choice(lang["places"])
    country, demonym, city, region = place
    when = _pick(rng, lang, "when")
    topic, topic2 = rng.sample(lang["topic"].split("|"), 2)
    slots = {
        "who": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", "country": country, "dem": demonym,
        "city": city if rng.random() < 0.75 else region, "region": region, "when": when,
        "when_l": when[0].lower() + when[1:], "topic": topic, "topic2": topic2,
        "num": f"{rng.randint(2, 950)}", "small": f"{rng.randint(2, 40)}",
    }
    for key in ("next", "role", "org", "people", "goods", "period", "quote", "weekday", "month", "cur"):
        slots[key] = _pick(rng, lang, key)
    text = template.format(**slots)
    return text[0].upper() + text[1:]


def _misspell(rng: random.Random, lang: dict, paragraph: str) -> str:
    """One place name or demonym with a letter swapped, dropped or wrongly accented."""
    names = [n for place in lang["places"] for n in place[:3] if n in paragraph and len(n) > 4]
    if not names:
        return paragraph
    name = rng.choice(names)
    i = rng.randrange(1, len(name) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        wrong = name[:i] + name[i + 1] + name[i] + name[i + 2:]
    elif kind == 1:
        wrong = name[:i] + name[i + 1:]
    else:
        wrong = name[:i] + {"e": "è", "i": "ì", "a": "à", "o": "ò"}.get(name[i], name[i] + name[i]) + name[i + 1:]
    return paragraph.replace(name, wrong, 1)


def article(rng: random.Random, lang: dict) -> str:
    """One scraped article: headline, byline, body with defects, boilerplate tail."""
    place = rng.choice(lang["places"])
    lines = [_fill(rng, lang, rng.choice(lang["head"]), place), _fill(rng, lang, _pick(rng, lang, "byline"), place)]
    body = [" ".join(_fill(rng, lang, rng.choice(lang["templates"]), place) for _ in range(rng.randint(2, 6)))
            for _ in range(rng.randint(5, 14))]
    if rng.random() < RATES["caption_doc"]:
        caption = _fill(rng, lang, _pick(rng, lang, "caption"), place)
        at = rng.randint(1, len(body) - 1)
        second = caption if rng.random() < 0.7 else f"{_pick(rng, lang, 'credit')} {caption}"
        body[at:at] = [caption, second]
    if rng.random() < RATES["typo_doc"]:
        i = rng.randrange(len(body))
        body[i] = _misspell(rng, lang, body[i])
    for i, paragraph in enumerate(body):
        if rng.random() < RATES["entity"]:
            body[i] = paragraph + " Q&amp;A"
        if rng.random() < RATES["mojibake_paragraph"]:
            body[i] = paragraph.encode("utf-8").decode("sloppy-windows-1252")
    tail = []
    if rng.random() < RATES["share_row"]:
        sites = rng.sample(["Facebook", "X", "WhatsApp", "LinkedIn", "Telegram", "Email", "Print"], rng.randint(2, 5))
        tail.append(f"{_pick(rng, lang, 'share')} {rng.choice([' | ', ' ', ', ']).join(sites)}")
    if rng.random() < RATES["related_list"]:
        tail.append(_pick(rng, lang, "related"))
        tail += [_fill(rng, lang, rng.choice(lang["head"]), place) for _ in range(rng.randint(2, 5))]
    if rng.random() < RATES["newsletter"]:
        tail.append(rng.choice(lang["newsletter"]))
    if rng.random() < RATES["comment_form"]:
        form = lang["comment"]
        tail += form[:2] + rng.sample(form[2:-1], rng.randint(1, len(form) - 3)) + form[-1:]
    if rng.random() < RATES["cookie"]:
        tail.insert(0, rng.choice(lang["cookie"]))
    separator = "\n\n" if rng.random() < 0.6 else "\n"
    text = separator.join(lines + body + tail) + "\n"
    if rng.random() < RATES["stray_spaces"]:
        text = _stray_spaces(rng, text)
    if rng.random() < RATES["crlf"]:
        text = text.replace("\n", "\r\n")
    return text


def _stray_spaces(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for i in rng.sample(range(len(lines)), k=min(4, len(lines))):
        lines[i] = rng.choice(["  ", " ", "\t"]) + lines[i] + rng.choice([" ", "  ", ""])
    return "\n".join(lines).replace(". ", ".  ", 1) + rng.choice(["", "\n\n", "\n \n"])


def generate(out: Path, megabytes: float, seed: int = 0) -> tuple[int, int]:
    """Write articles under `out` until `megabytes` (10^6 bytes of UTF-8) are written.

    English is about 40 % of the articles, each other language about 12 %.
    """
    rng = random.Random(seed)
    target, written, count = int(megabytes * 1_000_000), 0, 0
    codes = sorted(LANGS)
    while written < target:
        code = "en" if rng.random() < 0.28 else rng.choice(codes)
        kind, n = rng.choice(SITES)
        data = article(rng, LANGS[code]).encode("utf-8")
        folder = out / f"{code}-{kind}-{n}" / f"{count // 1000:04d}"  # at most 1,000 files a folder
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"article-{count:07d}.txt").write_bytes(data)
        written += len(data)
        count += 1
    return count, written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=100, help="megabytes (10^6 bytes) to write")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into (site folders inside)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    count, written = generate(args.out, args.mb, args.seed)
    print(f"{count} articles, {written / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()

package org.provenant.pipelines.demo;

import java.util.List;
import java.util.Map;

/**
 * The made-up sites and the word lists the demo corpus is written from. Every host, person and
 * organisation here is fictional; the lists only have to produce plausible, varied prose.
 *
 * <p>A {@link Register} is a way of writing (a city-news desk, a hobby blog, product docs, a
 * German local paper): sentence templates whose {@code {slot}} placeholders are filled from named
 * word lists. A slot written with a capital ({@code {Thing}}) is capitalised; a trailing digit
 * ({@code {thing2}}) asks for a second, different pick from the same list.
 */
final class DemoVocabulary {

  /** How a site's pages are laid out and written. */
  enum Style {
    NEWS,
    BLOG,
    DOCS
  }

  /** A way of writing: sentence templates, title templates, headings and the slot word lists. */
  record Register(
      String lang,
      Style style,
      List<String> sentences,
      List<String> titles,
      List<String> headings,
      Map<String, List<String>> slots) {}

  /** A fictional web site: where pages live and the boilerplate around their content. */
  record Site(
      String host,
      String name,
      String lang,
      Style style,
      String server,
      List<String> nav,
      String cookieText,
      String cookieButton,
      String footerText,
      List<String> footerLinks,
      List<Register> registers) {}

  private DemoVocabulary() {}

  static final List<String> MONTHS =
      List.of(
          "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December");

  static final List<String> AUTHORS =
      List.of(
          "Priya Shah", "Tom Whitaker", "Helen Okafor", "Daniel Reyes", "Maggie O'Neill",
          "Owen Price", "Grace Lindqvist", "Samuel Adeyemi", "Ruth Castellano", "Ben Hargreaves");

  /** Slots every English register can use. */
  private static final Map<String, List<String>> ENGLISH_COMMON =
      Map.of(
          "month", MONTHS,
          "weekday", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
          "num", List.of("two", "three", "four", "five", "six", "eight", "ten", "twelve"),
          "name", AUTHORS);

  // ---------------------------------------------------------------- English news

  private static final List<String> NEWS_SENTENCES =
      List.of(
          "The council confirmed on {weekday} that work on {thing} will start in {month}.",
          "{name}, who chairs the {committee} committee, said the decision had not been taken"
              + " lightly.",
          "Residents have until the end of {month} to respond to the consultation.",
          "Critics argue that the plan does little to address {problem}.",
          "According to figures released this week, {pct} per cent of {people} say {problem} has"
              + " become worse over the past year.",
          "The scheme is expected to cost around {millions} million pounds, slightly more than"
              + " first estimated.",
          "Several {people} told reporters they supported the idea in principle but worried"
              + " about {problem}.",
          "Officials said they would {action} before the end of the year.",
          "At a packed public meeting on {weekday}, {people} questioned whether spending on"
              + " {thing} was really the priority.",
          "The opposition group called the proposal a sensible first step but said more detail"
              + " was needed on {thing}.",
          "Most of the work will take place at night to limit disruption for {people}.",
          "A final decision on {thing} has been postponed until the autumn.",
          "Businesses near the {place} have been asked to share their views by {weekday}.",
          "\u201cWe know people are frustrated by {problem},\u201d {name} said. \u201cThis is how"
              + " we start fixing it.\u201d",
          "The plans will be on display at the {place} until the end of {month}.",
          "It is the {ordinal} time in {num} years that the full council has debated {thing}.",
          "Campaigners welcomed the announcement, saying they had waited a long time for"
              + " {thing}.",
          "Funding for {thing} comes partly from a national grant and partly from local"
              + " reserves.",
          "A report to councillors warns that {problem} could get worse if nothing is done.",
          "{People} will be able to ask questions at a drop-in session at the {place} next"
              + " {weekday}.",
          "The authority said it had learned lessons from the delays to {thing2}.",
          "Figures seen by this newspaper suggest that the budget for {thing} is already {pct} per"
              + " cent overspent.",
          "Not everyone is convinced, and a petition against {thing} has gathered {count}"
              + " hundred signatures.",
          "Council leaders insist the timetable is realistic and that {people} will notice the"
              + " benefits within months.",
          "The transport operator said it would {action} once the first phase is complete.");

  private static final List<String> NEWS_TITLES =
      List.of(
          "Council backs plan for {thing}",
          "Residents divided over {thing}",
          "Delays expected as work on {thing} begins",
          "{Thing} to go ahead despite concerns over {problem}",
          "Consultation opens on {thing}",
          "Questions raised over cost of {thing}");

  private static final List<String> NEWS_HEADINGS =
      List.of("Background", "What happens next", "Reaction", "Costs and timetable", "The debate");

  private static final Map<String, List<String>> NEWS_COMMON =
      Map.of(
          "committee", List.of("transport", "environment", "finance", "planning", "housing"),
          "place", List.of("library", "town hall", "community centre", "market hall", "leisure centre"),
          "ordinal", List.of("second", "third", "fourth"),
          "count", List.of("three", "four", "six", "eight", "eleven"));

  static final Register TRANSPORT_NEWS =
      new Register(
          "en",
          Style.NEWS,
          NEWS_SENTENCES,
          NEWS_TITLES,
          NEWS_HEADINGS,
          merge(
              ENGLISH_COMMON,
              NEWS_COMMON,
              Map.of(
                  "thing",
                  List.of(
                      "the tram extension", "the new bus lanes", "the ring road upgrade",
                      "the riverside cycle path", "the station car park", "the night bus service",
                      "the low-traffic scheme", "the new footbridge"),
                  "people",
                  List.of("commuters", "residents", "shop owners", "parents", "cyclists", "taxi drivers"),
                  "action",
                  List.of(
                      "publish a full timetable", "widen the pavements on the high street",
                      "consult residents again", "reopen the bridge to cyclists",
                      "add more buses at peak times", "review the speed limits"),
                  "problem",
                  List.of(
                      "congestion at peak times", "delays on the northern routes", "rising fares",
                      "noise from the works", "unsafe junctions", "a lack of parking"))));

  static final Register ENERGY_NEWS =
      new Register(
          "en",
          Style.NEWS,
          NEWS_SENTENCES,
          NEWS_TITLES,
          NEWS_HEADINGS,
          merge(
              ENGLISH_COMMON,
              NEWS_COMMON,
              Map.of(
                  "thing",
                  List.of(
                      "the district heating network", "the solar farm on the old airfield",
                      "the insulation grant scheme", "the heat pump subsidy",
                      "the community energy co-operative", "the street lighting upgrade"),
                  "people",
                  List.of("homeowners", "tenants", "landlords", "pensioners", "small businesses"),
                  "action",
                  List.of(
                      "extend the grant deadline", "publish the energy savings data",
                      "fit heat pumps in council homes", "survey every school roof",
                      "open a second advice centre"),
                  "problem",
                  List.of(
                      "high energy bills", "damp and mould", "long waiting lists",
                      "draughty older homes", "rising standing charges"))));

  // ---------------------------------------------------------------- English blogs

  private static final List<String> BLOG_SENTENCES =
      List.of(
          "Most {people} who get into {topic} quickly learn that {thing} matters more than"
              + " {thing2}.",
          "If you only change one thing this year, {action}.",
          "I spent {num} weeks comparing {thing} and {thing2}, and the difference was smaller than"
              + " I expected.",
          "The easiest way to avoid {problem} is to {action} before it becomes a habit to skip"
              + " it.",
          "A surprising number of readers have written in about {problem}.",
          "People often ask whether it is worth paying for {thing}; my honest answer is that it"
              + " depends on your budget.",
          "It is tempting to {action}, but learning to {action2} usually pays off sooner.",
          "Nobody enjoys {problem}, yet it is rarely a sign that something is seriously wrong.",
          "When {problem} shows up, the first step is to {action}.",
          "There is no single right approach to {topic}, and anyone who claims otherwise is"
              + " probably selling something.",
          "Getting hold of {thing} is cheap and easy, and it is surprisingly effective.",
          "Over the last {num} years, interest in {thing} has gone from niche to something my"
              + " friends ask about every week.",
          "I asked {count} other {people} what they would do differently, and almost all of them"
              + " said they would {action} sooner.",
          "Keep in mind that {thing} alone will not fix {problem}.",
          "The trade-off is simple: with {thing} you save time, with {thing2} you save money.",
          "Try to {action} at least once a week, and write down what you notice.",
          "Experienced {people} tend to {action} without even thinking about it.",
          "That said, {problem} can still catch you out if you are not paying attention.",
          "In my experience, {thing} and {thing2} work best together.",
          "Whatever you decide, remember that {topic} is meant to be enjoyable, not a chore.",
          "My first attempt was a disaster, mostly because of {problem}.",
          "These days I {action} as a matter of routine, and it has made a real difference.",
          "You do not need expensive gear to get started; {thing} will do for the first few"
              + " months.",
          "One reader pointed out that you should treat {thing} differently in {month}, which is"
              + " worth remembering.",
          "If that sounds like a lot of effort, it honestly is not once you get used to it.",
          "The biggest mistake I see is trying to {action} and {action2} on the same day.",
          "Looking back, I wish someone had told me to {action} from the very beginning.",
          "For what it is worth, the money I spent on {thing} went much further than I expected.",
          "Some {people} swear by {thing}, while others never bother with it at all.",
          "The good news is that {problem} is easy to prevent once you know what causes it.",
          "On a quiet {weekday} morning it is the perfect job to do with a cup of tea.",
          "Below are the notes I wish I had read when I first started with {topic}.");

  private static final List<String> BLOG_TITLES =
      List.of(
          "How to {action} without losing your weekend",
          "{Num} things I wish I had known about {topic}",
          "A beginner's guide to {thing}",
          "Why I finally stopped worrying about {problem}",
          "What nobody tells you about {thing}",
          "Dealing with {problem}: a practical checklist",
          "{Thing}, revisited after a full year");

  private static final List<String> BLOG_HEADINGS =
      List.of(
          "Getting started", "What worked", "What did not work", "Common mistakes",
          "The short version", "Tools I actually use", "A few words on costs", "Where to go next");

  static final Register GARDENING_BLOG =
      blog(
          "vegetable gardening",
          List.of(
              "raised beds", "home-made compost", "tomato seedlings", "bark mulch",
              "drip irrigation", "heirloom seeds", "a cold frame", "leaf mould", "a good hand trowel"),
          List.of("gardeners", "allotment holders", "beginners", "weekend gardeners"),
          List.of(
              "test the soil", "rotate the crops", "water early in the morning",
              "thin out the seedlings", "build a compost heap", "save seeds from the best plants",
              "mulch the beds in autumn"),
          List.of("slugs", "blight", "compacted soil", "a late frost", "aphids", "bolting lettuce"));

  static final Register BAKING_BLOG =
      blog(
          "sourdough baking",
          List.of(
              "the starter", "stone-ground rye flour", "a cast-iron pot", "the levain",
              "a proofing basket", "a digital scale", "a bench scraper", "a long cold proof"),
          List.of("home bakers", "beginners", "bakery owners", "friends who bake"),
          List.of(
              "feed the starter twice a day", "weigh every ingredient", "shape the loaf gently",
              "preheat the oven for a full hour", "keep notes on every bake",
              "lower the hydration a little"),
          List.of(
              "a dense crumb", "a sluggish starter", "burnt bottoms", "sticky dough",
              "a flat loaf"));

  static final Register NETWORKING_BLOG =
      blog(
          "home networking",
          List.of(
              "the router", "mesh access points", "a small managed switch", "wired backhaul",
              "the guest network", "regular firmware updates", "a cheap network cable tester",
              "a separate network for smart devices"),
          List.of("remote workers", "families", "tinkerers", "home office workers"),
          List.of(
              "update the firmware", "move the router away from the microwave",
              "run a cable to the office", "change the default admin password",
              "split the wireless bands", "label every cable"),
          List.of(
              "dead zones", "interference from neighbours", "dropped video calls",
              "a forgotten admin password", "slow uploads"));

  static final Register RUNNING_BLOG =
      blog(
          "trail running",
          List.of(
              "trail shoes", "a hydration vest", "hill repeats", "the weekly long run",
              "proper rest days", "a paper map", "a lightweight rain jacket"),
          List.of("runners", "beginners", "club runners", "ultra runners"),
          List.of(
              "slow down on the climbs", "practise running downhill",
              "carry more water than you think", "build mileage gradually",
              "walk the steepest sections", "stretch after every run"),
          List.of("rolled ankles", "blisters", "overtraining", "getting lost", "sore knees"));

  static final Register BIRDING_BLOG =
      blog(
          "birdwatching",
          List.of(
              "a decent pair of binoculars", "a pocket field guide", "the garden feeder",
              "the reed beds", "the dawn chorus", "a notebook", "a sound recording app"),
          List.of("birdwatchers", "beginners", "local naturalists", "photographers"),
          List.of(
              "arrive before sunrise", "keep a notebook", "learn the common calls first",
              "sit still for twenty minutes", "clean the feeder every week"),
          List.of("poor light", "impatience", "misidentification", "windy days"));

  static final Register ENERGY_BLOG =
      blog(
          "cutting home energy use",
          List.of(
              "loft insulation", "a smart thermostat", "draught excluders",
              "thermal curtains", "a heat pump", "the monthly meter reading"),
          List.of("homeowners", "renters", "landlords", "first-time buyers"),
          List.of(
              "bleed the radiators", "seal the window frames", "compare tariffs every year",
              "turn the flow temperature down", "insulate the hot water pipes"),
          List.of("damp", "cold spots", "high standing charges", "condensation"));

  private static Register blog(
      String topic,
      List<String> things,
      List<String> people,
      List<String> actions,
      List<String> problems) {
    return new Register(
        "en",
        Style.BLOG,
        BLOG_SENTENCES,
        BLOG_TITLES,
        BLOG_HEADINGS,
        merge(
            ENGLISH_COMMON,
            Map.of(
                "topic", List.of(topic),
                "thing", things,
                "people", people,
                "action", actions,
                "problem", problems,
                "count", List.of("five", "seven", "a dozen", "twenty"))));
  }

  // ---------------------------------------------------------------- English docs

  private static final List<String> DOCS_SENTENCES =
      List.of(
          "By default, {product} keeps the state of {feature} in memory and writes it to disk every"
              + " few seconds.",
          "To change this behaviour, set `{key}` in the configuration file and restart the"
              + " service.",
          "This page explains how to {action} without taking the cluster offline.",
          "If you see {problem} in the logs, check that every node can reach the others on port"
              + " {port}.",
          "The `{command}` command prints the current value of every setting, including the"
              + " defaults.",
          "Values set through environment variables take precedence over the configuration"
              + " file.",
          "Since version {version}, {feature} is the recommended way to {action}.",
          "Most deployments never need to {action}, but large clusters often do.",
          "Be careful when you {action}: the change applies to all tenants at once.",
          "You can check the result with the status endpoint, which returns a short JSON"
              + " document.",
          "A restart is only required when you change {feature}; other settings are reloaded"
              + " automatically.",
          "The following example shows a minimal configuration for a single node.",
          "Each node reports its own metrics, so an overloaded node is easy to spot.",
          "Run `{command}` after every upgrade to confirm that {feature} is healthy.",
          "If you keep seeing {problem}, raise the log level to debug and collect the output of"
              + " `{command}`.",
          "The defaults for {feature} suit small clusters; adjust `{key}` if you run more than"
              + " {count} nodes.",
          "Older releases stored the settings for {feature} in a different format, so read the"
              + " upgrade notes first.",
          "We recommend testing any change on a staging environment before you {action}.",
          "The defaults are conservative and work well for most workloads.",
          "Settings that accept a duration understand suffixes such as ms, s and m.");

  private static final List<String> DOCS_TITLES =
      List.of(
          "Configuring {feature}",
          "How to {action}",
          "Troubleshooting {problem}",
          "{Feature}: concepts and settings",
          "Operations guide: {feature}");

  private static final List<String> DOCS_HEADINGS =
      List.of(
          "Overview", "Prerequisites", "Configuration", "Example", "Troubleshooting",
          "Limitations", "See also");

  static final Register LANTERNKIT_DOCS =
      new Register(
          "en",
          Style.DOCS,
          DOCS_SENTENCES,
          DOCS_TITLES,
          DOCS_HEADINGS,
          merge(
              ENGLISH_COMMON,
              Map.of(
                  "product", List.of("Lanternkit"),
                  "feature",
                  List.of(
                      "the retry policy", "the worker pool", "the dead-letter queue",
                      "scheduled jobs", "the web dashboard", "rate limiting"),
                  "key",
                  List.of(
                      "workers.pool_size", "retry.max_attempts", "queue.visibility_timeout",
                      "dashboard.enabled", "log.level"),
                  "command",
                  List.of(
                      "lanternkit config show", "lanternkit worker status",
                      "lanternkit queue stats", "lanternkit jobs retry --failed"),
                  "action",
                  List.of(
                      "drain a queue", "rotate the API keys", "scale the worker pool",
                      "pause scheduled jobs", "upgrade to a new minor version"),
                  "problem",
                  List.of(
                      "jobs stuck in the running state", "duplicate deliveries",
                      "connection timeouts", "permission denied errors"),
                  "count", List.of("five", "ten", "twenty"))));

  static final Register TIDEPOOL_DOCS =
      new Register(
          "en",
          Style.DOCS,
          DOCS_SENTENCES,
          DOCS_TITLES,
          DOCS_HEADINGS,
          merge(
              ENGLISH_COMMON,
              Map.of(
                  "product", List.of("TidepoolDB"),
                  "feature",
                  List.of(
                      "secondary indexes", "the write-ahead log", "snapshots", "replication",
                      "the query planner", "background compaction"),
                  "key",
                  List.of(
                      "wal.sync_interval", "replication.factor", "compaction.threads",
                      "cache.size_mb", "planner.stats_target"),
                  "command",
                  List.of(
                      "tidepool status", "tidepool snapshot list", "tidepool index verify",
                      "tidepool replication lag"),
                  "action",
                  List.of(
                      "add a replica", "rebuild an index online", "restore from a snapshot",
                      "tune compaction", "change the replication factor"),
                  "problem",
                  List.of(
                      "slow range queries", "replication lag", "sudden disk usage spikes",
                      "lock contention"),
                  "count", List.of("three", "five", "nine"))));

  // ---------------------------------------------------------------- German, French, Spanish

  static final Register GERMAN_NEWS =
      new Register(
          "de",
          Style.NEWS,
          List.of(
              "{subject} {verb} {object} {adverbial}.",
              "{adverbial} {verb} {subject} {object}.",
              "Nach Angaben der Verwaltung sollen die Arbeiten {when} beginnen.",
              "Viele {group} {opinion}, dass {clause}.",
              "\u201e{quote}\u201c, sagte {person} am {weekday}.",
              "Die Kosten liegen nach ersten Schätzungen bei rund {count} Millionen Euro.",
              "Weitere Informationen gibt es {where}.",
              "{subject} {verb} {object}, und {subject2} {verb2} {object2}.",
              "Bereits im {month} hatte {subject} {object} vorgeschlagen.",
              "Insgesamt haben sich {hundreds} Bürgerinnen und Bürger an der Umfrage beteiligt.",
              "Der Vorschlag stieß im Ausschuss auf breite Zustimmung.",
              "Die Opposition fordert {object} {adverbial}.",
              "Die Entscheidung fiel {adverbial}."),
          List.of("{subject} {verb} {object}"),
          List.of("Hintergrund", "Reaktionen aus der Politik", "Wie geht es weiter?", "Kosten und Zeitplan"),
          Map.ofEntries(
              Map.entry(
                  "subject",
                  List.of(
                      "die Stadtverwaltung", "der Bürgermeister", "das Stadtmuseum",
                      "der Sportverein", "die Bürgerinitiative", "das Umweltamt",
                      "die Stadtbibliothek", "der Bezirksbeirat")),
              Map.entry(
                  "verb",
                  List.of(
                      "plant", "unterstützt", "kritisiert", "prüft", "finanziert", "organisiert",
                      "begrüßt", "diskutiert")),
              Map.entry(
                  "object",
                  List.of(
                      "einen neuen Radweg am Flussufer", "die Sanierung der alten Brücke",
                      "ein Sommerfest im Stadtpark", "den Ausbau der Buslinien",
                      "eine Ausstellung über die Stadtgeschichte",
                      "mehr Grünflächen in der Innenstadt", "längere Öffnungszeiten am Wochenende",
                      "einen Wettbewerb für junge Künstlerinnen und Künstler")),
              Map.entry(
                  "adverbial",
                  List.of(
                      "im kommenden Frühjahr", "gemeinsam mit den Anwohnern", "trotz knapper Kassen",
                      "seit mehreren Monaten", "nach langer Diskussion", "mit großer Mehrheit",
                      "für das nächste Jahr", "auf Wunsch vieler Familien")),
              Map.entry(
                  "when",
                  List.of("im Mai", "noch vor dem Sommer", "Anfang nächsten Jahres", "nach den Herbstferien")),
              Map.entry("group", List.of("Anwohner", "Eltern", "Geschäftsleute", "Pendler")),
              Map.entry("opinion", List.of("befürchten", "hoffen", "glauben", "sagen")),
              Map.entry(
                  "clause",
                  List.of(
                      "die Kosten am Ende deutlich höher ausfallen",
                      "der Verkehr in der Altstadt weiter zunimmt", "das Projekt viel zu spät kommt",
                      "die Pläne gut durchdacht sind", "die Stadt zu wenig auf die Bürger hört",
                      "sich die Lage bald verbessert")),
              Map.entry(
                  "quote",
                  List.of(
                      "Wir sind mit dem Ergebnis sehr zufrieden",
                      "Das ist ein wichtiger Schritt für unsere Stadt",
                      "Jetzt müssen wir schnell handeln",
                      "Die Zusammenarbeit hat hervorragend funktioniert",
                      "Wir nehmen die Sorgen der Bürger ernst")),
              Map.entry(
                  "person",
                  List.of(
                      "Bürgermeisterin Anna Keller", "Stadtrat Thomas Brandt",
                      "die Vereinsvorsitzende Miriam Vogt", "Kämmerer Jörg Albrecht")),
              Map.entry("weekday", List.of("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")),
              Map.entry(
                  "month",
                  List.of("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                      "September", "Oktober", "November", "Dezember")),
              Map.entry("count", List.of("drei", "vier", "sechs", "acht", "zwölf")),
              Map.entry(
                  "where",
                  List.of(
                      "auf der Internetseite der Stadt", "im Bürgerbüro im Rathaus",
                      "bei der Bürgersprechstunde am Donnerstag",
                      "in der aktuellen Ausgabe des Amtsblatts"))));

  static final Register FRENCH_NEWS =
      new Register(
          "fr",
          Style.NEWS,
          List.of(
              "{subject} {verb} {object} {adverbial}.",
              "{adverbial}, {subject} {verb} {object}.",
              "Selon la mairie, les travaux devraient commencer {when}.",
              "De nombreux {group} {opinion} que {clause}.",
              "\u00ab\u00a0{quote}\u00a0\u00bb, a déclaré {person} {weekday}.",
              "Le coût du projet est estimé à environ {count} millions d'euros.",
              "Plus d'informations sont disponibles {where}.",
              "{subject} {verb} {object}, et {subject2} {verb2} {object2}.",
              "En {month}, {subject} avait déjà proposé {object}.",
              "Au total, {hundreds} habitants ont participé à la consultation.",
              "La proposition a reçu un large soutien en commission.",
              "L'opposition réclame {object} {adverbial}.",
              "La décision a été prise {adverbial}."),
          List.of("{subject} {verb} {object}"),
          List.of("Contexte", "Réactions", "Et maintenant\u00a0?", "Coûts et calendrier"),
          Map.ofEntries(
              Map.entry(
                  "subject",
                  List.of(
                      "la mairie", "le conseil municipal", "l'association des habitants",
                      "le musée de la ville", "la bibliothèque municipale", "le club de football",
                      "la communauté de communes", "l'office de tourisme")),
              Map.entry(
                  "verb",
                  List.of(
                      "prépare", "soutient", "critique", "finance", "organise", "présente",
                      "étudie", "annonce")),
              Map.entry(
                  "object",
                  List.of(
                      "une nouvelle piste cyclable le long du fleuve", "la rénovation du vieux pont",
                      "une fête de quartier dans le parc", "l'extension des lignes de bus",
                      "une exposition sur l'histoire de la ville",
                      "davantage d'espaces verts en centre-ville",
                      "des horaires d'ouverture plus longs le week-end",
                      "un concours pour les jeunes artistes")),
              Map.entry(
                  "adverbial",
                  List.of(
                      "pour le printemps prochain", "avec les riverains", "malgré un budget serré",
                      "depuis plusieurs mois", "après un long débat", "à une large majorité",
                      "pour l'année prochaine", "à la demande de nombreuses familles")),
              Map.entry(
                  "when",
                  List.of("en mai", "avant l'été", "au début de l'année prochaine",
                      "après les vacances d'automne")),
              Map.entry("group", List.of("habitants", "parents", "commerçants", "usagers")),
              Map.entry("opinion", List.of("estiment", "pensent", "affirment", "disent")),
              Map.entry(
                  "clause",
                  List.of(
                      "les coûts seront finalement plus élevés", "la circulation augmente dans le centre",
                      "le projet arrive beaucoup trop tard", "les plans sont bien pensés",
                      "la ville n'écoute pas assez les habitants",
                      "la situation va bientôt s'améliorer")),
              Map.entry(
                  "quote",
                  List.of(
                      "Nous sommes très satisfaits du résultat",
                      "C'est une étape importante pour notre ville",
                      "Il faut maintenant agir rapidement",
                      "La coopération a parfaitement fonctionné",
                      "Nous prenons au sérieux les inquiétudes des habitants")),
              Map.entry(
                  "person",
                  List.of(
                      "la maire Claire Dubois", "l'adjoint Julien Moreau",
                      "la présidente de l'association, Sophie Lambert",
                      "le directeur financier Marc Girard")),
              Map.entry("weekday", List.of("lundi", "mardi", "mercredi", "jeudi", "vendredi")),
              Map.entry(
                  "month",
                  List.of("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                      "septembre", "octobre", "novembre", "décembre")),
              Map.entry("count", List.of("trois", "quatre", "six", "huit", "douze")),
              Map.entry(
                  "where",
                  List.of(
                      "sur le site internet de la ville", "à l'accueil de la mairie",
                      "lors de la permanence du jeudi", "dans le dernier bulletin municipal"))));

  static final Register SPANISH_NEWS =
      new Register(
          "es",
          Style.NEWS,
          List.of(
              "{subject} {verb} {object} {adverbial}.",
              "{adverbial}, {subject} {verb} {object}.",
              "Según el ayuntamiento, las obras comenzarán {when}.",
              "Muchos {group} {opinion} que {clause}.",
              "\u00ab{quote}\u00bb, declaró {person} el {weekday}.",
              "El coste del proyecto se estima en unos {count} millones de euros.",
              "Hay más información disponible {where}.",
              "{subject} {verb} {object}, y {subject2} {verb2} {object2}.",
              "En {month}, {subject} ya había propuesto {object}.",
              "En total, {hundreds} vecinos participaron en la consulta.",
              "La propuesta recibió un amplio apoyo en la comisión.",
              "La oposición reclama {object} {adverbial}.",
              "La decisión se tomó {adverbial}."),
          List.of("{subject} {verb} {object}"),
          List.of("Contexto", "Reacciones", "\u00bfQué pasará ahora?", "Costes y calendario"),
          Map.ofEntries(
              Map.entry(
                  "subject",
                  List.of(
                      "el ayuntamiento", "la asociación de vecinos", "el museo municipal",
                      "la biblioteca pública", "el club deportivo", "la diputación provincial",
                      "la oficina de turismo", "el consejo escolar")),
              Map.entry(
                  "verb",
                  List.of(
                      "prepara", "apoya", "critica", "financia", "organiza", "presenta", "estudia",
                      "anuncia")),
              Map.entry(
                  "object",
                  List.of(
                      "un nuevo carril bici junto al río", "la reforma del puente viejo",
                      "una fiesta de barrio en el parque", "la ampliación de las líneas de autobús",
                      "una exposición sobre la historia de la ciudad", "más zonas verdes en el centro",
                      "un horario de apertura más amplio los fines de semana",
                      "un concurso para jóvenes artistas")),
              Map.entry(
                  "adverbial",
                  List.of(
                      "para la próxima primavera", "junto con los vecinos",
                      "a pesar del presupuesto ajustado", "desde hace varios meses",
                      "tras un largo debate", "por amplia mayoría", "para el próximo año",
                      "a petición de muchas familias")),
              Map.entry(
                  "when",
                  List.of("en mayo", "antes del verano", "a principios del próximo año",
                      "después de las vacaciones de otoño")),
              Map.entry("group", List.of("vecinos", "padres", "comerciantes", "usuarios")),
              Map.entry("opinion", List.of("creen", "dicen", "opinan", "afirman")),
              Map.entry(
                  "clause",
                  List.of(
                      "los costes acabarán siendo más altos", "el tráfico aumenta en el casco antiguo",
                      "el proyecto llega demasiado tarde", "los planes están bien pensados",
                      "la ciudad no escucha lo suficiente a los vecinos",
                      "la situación mejorará pronto")),
              Map.entry(
                  "quote",
                  List.of(
                      "Estamos muy satisfechos con el resultado",
                      "Es un paso importante para nuestra ciudad",
                      "Ahora tenemos que actuar con rapidez",
                      "La colaboración ha funcionado muy bien",
                      "Nos tomamos en serio las preocupaciones de los vecinos")),
              Map.entry(
                  "person",
                  List.of(
                      "la alcaldesa Lucía Fernández", "el concejal Javier Ortega",
                      "la presidenta de la asociación, Marta Ruiz",
                      "el responsable de hacienda, Carlos Navarro")),
              Map.entry("weekday", List.of("lunes", "martes", "miércoles", "jueves", "viernes")),
              Map.entry(
                  "month",
                  List.of("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                      "septiembre", "octubre", "noviembre", "diciembre")),
              Map.entry("count", List.of("tres", "cuatro", "seis", "ocho", "doce")),
              Map.entry(
                  "where",
                  List.of(
                      "en la página web del ayuntamiento", "en la oficina de atención ciudadana",
                      "en la sesión informativa del jueves", "en el último boletín municipal"))));

  // ---------------------------------------------------------------- sites

  private static final List<String> NEWS_NAV =
      List.of("Home", "Local", "Politics", "Business", "Transport", "Opinion", "Sport", "Contact");
  private static final List<String> BLOG_NAV =
      List.of("Home", "Archive", "Guides", "About", "Newsletter");
  private static final List<String> DOCS_NAV =
      List.of("Getting started", "Guides", "Reference", "API", "Changelog", "Community");
  private static final List<String> FOOTER_LINKS =
      List.of("About us", "Privacy policy", "Terms of use", "Cookie settings", "Contact");
  private static final String COOKIE_TEXT =
      "We use cookies to remember your preferences and to measure how this site is used.";

  static final Site RIVERBEND =
      englishSite("www.riverbend-courier.com", "The Riverbend Courier", Style.NEWS,
          "nginx/1.24.0", TRANSPORT_NEWS, ENERGY_NEWS);
  static final Site HARBORLINE =
      englishSite("news.harborline.co.uk", "Harborline News", Style.NEWS,
          "Apache/2.4.58 (Debian)", ENERGY_NEWS, TRANSPORT_NEWS);
  static final Site QUIET_KETTLE =
      englishSite("blog.quietkettle.net", "Quiet Kettle", Style.BLOG, "nginx", BAKING_BLOG);
  static final Site FIELD_NOTES =
      englishSite("www.fieldnotes-garden.org", "Field Notes from the Garden", Style.BLOG,
          "Apache", GARDENING_BLOG, BIRDING_BLOG);
  static final Site MAPLE_CIRCUIT =
      englishSite("www.mapleandcircuit.com", "Maple & Circuit", Style.BLOG, "cloudflare",
          NETWORKING_BLOG, ENERGY_BLOG);
  static final Site SWITCHBACK =
      englishSite("www.switchback-journal.com", "Switchback Journal", Style.BLOG, "Caddy",
          RUNNING_BLOG);
  static final Site LANTERNKIT =
      englishSite("docs.lanternkit.dev", "Lanternkit Documentation", Style.DOCS, "nginx/1.25.3",
          LANTERNKIT_DOCS);
  static final Site TIDEPOOL =
      englishSite("developer.tidepool-db.io", "TidepoolDB Developer Guide", Style.DOCS,
          "cloudflare", TIDEPOOL_DOCS);
  static final Site OLD_MILL =
      englishSite("www.oldmill-tearoom.co.uk", "The Old Mill Tearoom", Style.BLOG,
          "Microsoft-IIS/8.5", GARDENING_BLOG);

  /** English sites that ordinary articles are spread over. */
  static final List<Site> ENGLISH_SITES =
      List.of(RIVERBEND, HARBORLINE, QUIET_KETTLE, FIELD_NOTES, MAPLE_CIRCUIT, SWITCHBACK,
          LANTERNKIT, TIDEPOOL);

  static final Site LINDENAU =
      new Site("www.lindenauer-stadtanzeiger.de", "Lindenauer Stadtanzeiger", "de", Style.NEWS,
          "nginx", List.of("Startseite", "Lokales", "Politik", "Kultur", "Sport", "Kontakt"),
          "Wir verwenden Cookies, um unser Angebot zu verbessern und die Nutzung zu analysieren.",
          "Alle akzeptieren", "\u00a9 2024 Lindenauer Stadtanzeiger. Alle Rechte vorbehalten.",
          List.of("Impressum", "Datenschutz", "Cookie-Einstellungen", "Abo"), List.of(GERMAN_NEWS));
  static final Site RHEINTAL =
      new Site("www.rheintal-rundschau.de", "Rheintal Rundschau", "de", Style.NEWS, "Apache",
          List.of("Startseite", "Region", "Wirtschaft", "Freizeit", "Leserbriefe"),
          "Diese Website nutzt Cookies. Mit der Nutzung stimmen Sie der Datenschutzerklärung zu.",
          "Einverstanden", "\u00a9 2024 Rheintal Rundschau GmbH",
          List.of("Impressum", "Datenschutz", "Mediadaten", "Kontakt"), List.of(GERMAN_NEWS));
  static final Site VALMONT =
      new Site("www.echo-de-valmont.fr", "L'Écho de Valmont", "fr", Style.NEWS, "nginx",
          List.of("Accueil", "Actualités", "Politique", "Culture", "Sport", "Contact"),
          "Nous utilisons des cookies pour améliorer votre expérience et mesurer l'audience.",
          "Tout accepter", "\u00a9 2024 L'Écho de Valmont. Tous droits réservés.",
          List.of("Mentions légales", "Confidentialité", "Gestion des cookies", "Abonnement"),
          List.of(FRENCH_NEWS));
  static final Site SEVRE =
      new Site("www.val-de-sevre-infos.fr", "Val de Sèvre Infos", "fr", Style.NEWS, "Apache",
          List.of("Accueil", "Communes", "Économie", "Loisirs", "Agenda"),
          "Ce site utilise des cookies. En poursuivant la navigation, vous acceptez leur usage.",
          "J'accepte", "\u00a9 2024 Val de Sèvre Infos",
          List.of("Mentions légales", "Confidentialité", "Contact"), List.of(FRENCH_NEWS));
  static final Site ALMENDRAL =
      new Site("www.diariodealmendral.es", "Diario de Almendral", "es", Style.NEWS, "nginx",
          List.of("Inicio", "Noticias", "Política", "Cultura", "Deportes", "Contacto"),
          "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
          "Aceptar todo", "\u00a9 2024 Diario de Almendral. Todos los derechos reservados.",
          List.of("Aviso legal", "Privacidad", "Política de cookies", "Suscríbete"),
          List.of(SPANISH_NEWS));
  static final Site VALLE_VERDE =
      new Site("www.lavozdelvalleverde.es", "La Voz del Valle Verde", "es", Style.NEWS, "Apache",
          List.of("Portada", "Comarca", "Economía", "Ocio", "Opinión"),
          "Este sitio web utiliza cookies para ofrecerle una mejor experiencia.",
          "Aceptar", "\u00a9 2024 La Voz del Valle Verde",
          List.of("Aviso legal", "Privacidad", "Contacto"), List.of(SPANISH_NEWS));

  /** The two non-English sites for each of German, French and Spanish, in that order. */
  static final List<Site> FOREIGN_SITES =
      List.of(LINDENAU, RHEINTAL, VALMONT, SEVRE, ALMENDRAL, VALLE_VERDE);

  private static Site englishSite(
      String host, String name, Style style, String server, Register... registers) {
    List<String> nav =
        switch (style) {
          case NEWS -> NEWS_NAV;
          case BLOG -> BLOG_NAV;
          case DOCS -> DOCS_NAV;
        };
    return new Site(host, name, "en", style, server, nav, COOKIE_TEXT, "Accept all",
        "\u00a9 2024 " + name + ". All rights reserved.", FOOTER_LINKS, List.of(registers));
  }

  @SafeVarargs
  private static Map<String, List<String>> merge(Map<String, List<String>>... maps) {
    java.util.HashMap<String, List<String>> merged = new java.util.HashMap<>();
    for (Map<String, List<String>> map : maps) {
      merged.putAll(map);
    }
    return Map.copyOf(merged);
  }
}

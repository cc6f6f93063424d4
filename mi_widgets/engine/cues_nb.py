"""Norwegian Bokmål cues for the utterance classifier: the words and word orders that point to a MITI code.

The same names as :mod:`.cues_en`, with Bokmål patterns; the mechanism (:mod:`.classifier`) is
unchanged. Bokmål asks a yes/no question by putting the verb first ("Drikker du ...?", "Har du
...?"); a question word (hva, hvordan, hvorfor ...) opens an open question unless it asks for a
fact (hvor mange, når, hvilken dag ...). Bokmål is a verb-second language, so a statement that
opens with an adverb also has the verb before the subject ("Nå drikker du ..."): only a verb in
the very first place makes a question. Unlike Danish, Bokmål seldom puts a comma before an
embedded clause and often drops "som" ("det du sier"), so a noun opening a sentence ("Brevet du
fikk ...") must not be read as a verb.

Patterns were written from the MITI 4.2.1 definitions and tuned on the project's Norwegian
material only (the library's Bokmål dialogues, the Bokmål practice prompts and dev-nb.csv); the
held-out set was never opened. Reasons reuse the English msgids of :mod:`.cues_en`, so one
translation serves every language; ``{m}`` shows the Norwegian words that matched.
"""

from __future__ import annotations

from .i18n import N_

# ------------------------------------------------------------------------------------ the text
#: Spoken fillers stripped from the start of a sentence. "nå", "jo", "bra" ... only before a comma
#: ("Nå leter du ..." keeps its verb-second order), "så" only before a subject or question word.
LEADING_FILLERS = (
    r"(?:(?:(?:eh+m*|ehm+|øh+m*|hm+|mm+|mhm|altså|asså|liksom|ja(?: men| ja| vel)?|jaha|okei|ok|okay|og|men|hør(?: her)?|vet du hva)\b"
    r"|(?:bra|fint|greit|flott|supert|klart|nå|jo|ikke|så|godt|javel),(?!\s*at\b)"
    r"|så\b(?=[\s,]+(?:du|deg|din|ditt|dine|det|der|den|de|en|et|hva|hvordan|hvorfor|når|hvor|hvem|hvilke[nt]?|hvis|for|jeg|vi|man|i dag|la)\b)"
    r"|(?:du vet|ikke sant),)[\s,.!-]*)+"
)

#: Transcribers' notes in round brackets.
TRANSCRIPT_NOTES = r"\((?:ler|latter|sukker|sukk|pause|nøler|hoster|utydelig|uhørbart|snakker i munnen på hverandre)[^)]*\)"

#: A word that addresses the client: a statement without one leans to information.
YOU = r"\b(?:du|deg|din|ditt|dine|di|dere)\b"

#: Whole sentences that carry no code: listening sounds, greetings, goodbyes, arranging the session.
NO_CODE = [
    (r"^(?:m+|mm+|mhm|hm+|ja|jaha|jepp|jo|nei|nå|okei|ok|okay|fint|greit|bra|klart|selvfølgelig|javel|aha|å|nettopp|akkurat|sant|riktig|jaså|ja ja|skjønner|forstår)[\s.!?,]*$",
     N_("only a listening sound ('{m}'): not coded")),
    (r"^(?:hei|heisann|hallo|god ?morgen|god dag|god ettermiddag|god kveld|velkommen|kom (?:bare )?inn|(?:bare )?sett deg|ta plass|takk for at du (?:kom|ville komme)|takk for (?:i dag|nå|denne gangen)|vi ses|ha det(?: bra)?|jeg heter|mitt navn er|hyggelig å (?:møte|se) deg|godt å se deg|fint å se deg|beklager at du (?:har )?måttet vente)\b",
     N_("a greeting or goodbye ('{m}'): not coded")),
    (r"^(?:vi ses (?:på|neste|i|om|igjen)|la oss (?:avtale|booke|finne|sette opp) (?:en )?(?:ny )?time|vi har (?:ikke så mye|ikke mye|bare|cirka|omtrent)?\s?(?:\w+ )?(?:minutter|tid) (?:igjen|til)|vent (?:litt|et øyeblikk)|(?:la meg|jeg skal) (?:bare )?(?:finne|hente|sjekke|slå|se) (?:\w+ )?(?:i |fram )?(?:notatene|journalen|kalenderen|papirene|skjemaet|skjermen|saken)|la oss (?:komme i gang|begynne|starte|gå videre|gå tilbake til)|unnskyld,? (?:fortsett|bare fortsett|jeg avbrøt)|(?:bare )?fortsett(?: du)?$|et øyeblikk|øyeblikk|jeg skriver (?:det )?(?:bare )?ned|jeg noterer bare|jeg (?:vil|skal) (?:gjerne |bare )?stille deg (?:noen|et par) (?:spørsmål|ting)|(?:vi|la oss) (?:får |må |skal )?(?:bare )?(?:runde av|avslutte|slutte|stoppe) (?:for i dag|her)|(?:da |så )?sier vi det|det sier vi|det var (?:det|alt) (?:vi rakk|for i dag)|unnskyld,? (?:jeg må bare|et øyeblikk)|jeg må bare ta (?:denne|telefonen))",
     N_("arranges the session ('{m}'): not coded")),
]

# -------------------------------------------------------------------------------- questions
#: Words that can be the subject right after a fronted verb.
_SUBJECT = r"(?:du|dere|han|hun|de|vi|man|jeg|det|den|dette|noen|noe|din|ditt|dine|deres|hans|hennes|vår|våre|min|mitt|mine|folk|familien|kjæresten|kona|mannen|barna|ungene|legen|medisinen)"
#: Common verbs in the present or past tense (not imperatives), which can open a yes/no question.
#: The generic endings leave out "-et": it is as often a noun ("brevet du fikk") as a past tense.
_VERB = (
    r"(?:er|var|har|hadde|kan|kunne|vil|ville|skal|skulle|må|måtte|bør|burde|tør|turte|gidder|gadd|får|fikk|går|gikk|blir|ble|ser|tror|trodde|synes|syntes|vet|visste"
    r"|kjenner|kjente|føler|følte|sover|sov|tar|tok|bor|bodde|drikker|drakk|røyker|røykte|snuser|snuste|spiser|spiste|spiller|spilte|gamer|gamet|bruker|brukte|tenker|tenkte"
    r"|mener|mente|sier|sa|prøver|prøvde|husker|husket|hjelper|hjalp|passer|passet|virker|virket|kommer|kom|pleier|pleide|merker|merket|opplever|opplevde|savner|savnet"
    r"|jobber|jobbet|trener|trente|ønsker|håper|frykter|forstår|forsto|fungerer|betyr|betydde|gjør|gjorde|lot|kjørte|rakk|gir|ga|holder|holdt|sitter|satt|står|sto|skjønner"
    r"|skjønte|trenger|trengte|liker|likte|klarer|klarte|snakket|pratet|tenkte|lurer|vurderer|vurderte"
    r"|(?!(?:etter|under|over|hver|der|her|eller|ellers|hvis|mens|både|allerede|siste|første|beste|eneste|neste|verste|største|minste|vanskeligste|viktigste|dette|gode|hele|andre"
    r"|derfor|senere|tidligere|siden|sammen|kanskje|særlig|inntil|bakover|noensinne|dessverre|heldigvis|uansett|selv|fordi|hvorfor|hvor|hva|hvilke|hvilken|hvilket|hvordan|hvem|måte|tide|ute|inne|oppe|nede|borte|hjemme)\b)"
    r"[a-zæøå]{2,}(?:er|te|de|es))"
)
CLOSED_START = (rf"^(?:{_VERB})\s+(?:{_SUBJECT})\b"
                rf"|^(?:\w+ (?:din|di|ditt|dine)|(?:din|ditt|dine|deres|hans|hennes) \w+), (?:{_VERB}) (?:han|hun|de|det|den)\b")
WH_START = r"^(?:hva|hvordan|hvorfor|når|hvor|hvem|hvilken|hvilket|hvilke|på hvilken måte|i hvor stor grad|i hvilken grad|hva slags)\b"

#: A question word followed by its subject opens a clause, not a question ("hva du gjør med det, er ditt valg").
PRONOUN_AFTER_WH = r"^\w+\s+(?:(?:mange|mye|ofte|lenge|langt|gammel)\s+)?(?:du|jeg|vi|dere|de|han|hun|man|det|den|som|din|ditt|dine|min|mitt|mine|hans|hennes|deres|vår|våre|sin|sitt|sine)\b(?!\s*\?)"
#: After a comma, a question word asks only when a finite verb follows it ("og mora di, hva sier hun?").
LATER_CLAUSE_WH = rf"(?:hva|hvordan|hvorfor|hvem|hvor \w+) {_VERB}\b"
#: A first clause opened by these words, with more after a comma, is a clause, not a question.
CLAUSE_NOT_QUESTION = r"(?:når|hvis|om|mens) "

#: Leading clauses before the question word ("Hvis du ser for deg at det gikk bra, hvordan ...?", "og mora di, hva ...?"),
#: unless one of them already asks by its word order ("Husker du, hva ...?" asks for a yes or no).
#: Each clause is matched one way only (no optional space that two parts could share): no runaway backtracking.
_LEAD = rf"(?:(?!\s*(?:{_VERB}\s+{_SUBJECT}\b|(?:hva|hvordan|hvorfor|hvem|hvilke[nt]?|på hvilken måte|i hvor stor grad|i hvilken grad)\b))[^,?]*,)*\s*"

#: Requests and wonderings that ask without a question mark.
ASKING_STATEMENT = (
    r"^(?:fortell|beskriv|forklar|utdyp|si (?:litt |noe )?(?:mer|om)|hjelp meg (?:med å |til å |å )?(?:forstå|se)|gi meg (?:et eksempel|en følelse|et bilde|en idé)"
    r"|ta meg (?:med )?gjennom|prøv å (?:fortelle|beskrive|forklare|sette ord på|si litt)|sett (?:litt )?ord på|jeg er (?:litt |veldig |bare |så )?(?:nysgjerrig|interessert)"
    r"|jeg (?:kunne tenke meg|vil (?:veldig )?gjerne|ville gjerne|hadde gjerne villet) (?:å )?(?:høre|vite|forstå)|jeg lurer på|jeg undrer meg over"
    r"|la meg spørre|kan jeg spørre|får jeg spørre|jeg vil (?:gjerne )?spørre)\b"
)

#: Open: the question invites the client's own account.
OPEN_CUES = [
    (r"^(?:fortell|beskriv|forklar|utdyp|si (?:litt |noe )?mer|hjelp meg (?:med å |til å |å )?(?:forstå|se)|gi meg (?:et eksempel|en følelse|et bilde|en idé)|ta meg (?:med )?gjennom|prøv å (?:fortelle|beskrive|forklare|sette ord på)|sett (?:litt )?ord på|jeg (?:kunne tenke meg|vil (?:veldig )?gjerne|ville gjerne) (?:å )?(?:høre|vite|forstå))\b",
     N_("'{m}' asks for the client's own account: open question")),
    (r"^(?:jeg er (?:litt |veldig |bare |så )?(?:nysgjerrig|interessert)|jeg undrer meg over|jeg lurer på)\b(?!,? (?:om|hvorvidt)\b)",
     N_("'{m}' invites the client to say more: open question")),
    (r"^(?:(?:kan|kunne|vil|ville|gidder) du (?:ikke )?(?:bare )?(?:tenke deg å |prøve å )?|har du lyst til å )(?:fortelle|fortalt|beskrive|beskrevet|forklare|forklart|utdype|sette ord på|si (?:litt |noe )?(?:mer|om)|gi (?:meg )?(?:et eksempel|noen eksempler)|hjelpe meg (?:med å |til å |å )?forstå|ta meg (?:med )?gjennom)\b",
     N_("'{m}' asks for an account, not a yes or no: open question")),
    (rf"^{_LEAD}(?P<m>hva slags|hva|hvordan|hvorfor|på hvilken måte|i hvor stor grad|i hvilken grad|hvilke[nt]?|hvem|hvor)\b(?! (?:mange|mye|ofte|lenge|gammel|langt|lang tid|tid|dag|dato|klokka|år|uke|måned|nummer|dose|heter)\b(?! (?:betyr|fyller|påvirker|bekymrer|plager)\b))",
     N_("starts with '{m}', which invites a free answer: open question")),
]

#: Closed: a yes or no, a number, a name, a time or a choice answers it.
_SCALE = r"på en skala|fra 0 til 10|fra null til ti|sette et tall på|et tall (?:fra|mellom)"
#: The cue whose fact words (hvor mange, når, hvilken dag ...) keep a question closed whatever follows.
#: "når" asks for a time only when a verb and its subject follow ("Når tok du ...?"), not in "Når suget kommer, ...".
FACT_QUESTION = (
    rf"^{_LEAD}(?P<m>hvor (?:mange|mye|ofte|lenge|gammel|langt|lang tid|stor)(?! (?:betyr|fyller|påvirker|bekymrer|plager)\b)"
    r"|når(?= \w+ (?:du|dere|han|hun|de|vi|man|jeg|det|den)\b)"
    r"|hvem(?= (?:bor|er|var|har sendt|sendte|henviste|ringte|heter|kjører|betaler)\b(?! (?:ellers|mest|viktigst)\b))|hvor(?= \w+ (?:du|dere|han|hun|de|vi|man|jeg|det|den)\b)"
    r"|hva (?:tid|dag|dato|heter)|hvilke[nt]? (?:dag|dager|tid|tidspunkt|klokkeslett|uke|måned|år|dato|medisin|piller|tabletter|dose|nummer|lege|skole|klasse|av (?:dem|de)))\b"
    rf"|\b(?:{_SCALE})\b",
    N_("starts with '{m}', which asks for a fact (a number, a time, a place, a name): closed question"))
#: A tag at the end ("..., ikke sant?") makes a statement ask; so does "vel" in a sentence with "?".
TAG_QUESTION = (
    r"(?:,\s*(?:ikke|vel|ja|jo|eller|okei|ok|hva|ikke sant|ikke det|eller hva|eller ikke|stemmer det|er det riktig|har jeg rett|gjør du ikke|har du ikke|er det ikke)"
    r"|\b(?:ikke sant|eller hva|eller ikke|stemmer det|er det riktig|har jeg rett))\s*\?*$"
    r"|\bvel\b(?=[^?]*\?$)",
    N_("ends with a tag ('{m}') that asks for a yes or no: closed question"))

CLOSED_CUES = [
    (rf"\b(?:{_SCALE})\b",
     N_("'{m}' asks for a number on a scale: closed question")),
    FACT_QUESTION,
    (CLOSED_START,
     N_("starts with '{m}' and can be answered yes or no: closed question")),
    (r"\bvel\b(?=[^?]*\?$)",
     N_("'{m}' asks the client to confirm: closed question")),
    TAG_QUESTION,
    (r"^(?:jeg (?:lurer på|undrer meg på|tenker på)|jeg er (?:litt |bare )?(?:nysgjerrig|i tvil))(?:,)? (?:om|hvorvidt)\b",
     N_("'{m}' can be answered yes or no: closed question")),
    (r"\beller (?:om|er det|har du|vil du|skal du|var det|gjør du|også)\b|\b\w+ eller (?:etter|før|om)\b",
     N_("offers a choice ('{m}'): closed question")),
]

# ------------------------------------------------------------------------------- reflections
#: "Du tenker at du burde ..." reports the client's own view: advice words inside it are not advice.
REPORTED_SPEECH = r"\b(?:du|en del av deg) (?:kjenner selv|merker selv|tenker|synes|mener|føler|følte|sa|sier|tror|trodde|vet|nevnte|fortalte|forteller|har sagt|ønsker|håper|frykter|er redd for|er bekymret for|regner med|vurderer|ser for deg)(?:,)?(?: at| om)? (?:du|det|der|de|han|hun|man)\b"

#: The client's experience put in the counsellor's words: a statement about "du".
REFLECTION_FORM = [
    (r"^(?:det høres (?:ut )?som|det høres|det (?:virker|ser ut) (?:som|til at)|det føles(?:,)? (?:som|som om)|det jeg hører|jeg hører(?:,)? (?:at|deg si)|hvis jeg forstår deg (?:rett|riktig)|(?:la meg|jeg vil (?:bare )?(?:gjerne )?)(?:bare )?(?:oppsummere|samle (?:opp|trådene|det)|prøve å (?:oppsummere|samle)|se om jeg har|høre om jeg)|for å oppsummere|med andre ord|jeg fornemmer|jeg kan (?:godt )?(?:tenke meg|høre|merke)|jeg (?:gjetter på|tenker|ser for meg),? at du|du sier|du forteller|slik jeg hører det|det du (?:sier|forteller|beskriver))\b",
     N_("'{m}' hands the client's meaning back: reflection")),
    (r"^(?:du|ditt|din|dine|di|deg|for deg|en del av deg|på den ene siden|innerst inne|et sted(?: inni deg)?|i ditt|i din|det er deg)\b",
     N_("a statement about the client's own experience ('{m} ...'): reflection")),
    (r"\b(?:en del av deg|på den ene siden|for deg|du (?:føler|følte|kjenner|merker|har lyst|vil gjerne|ville gjerne|vil ikke|ønsker|er ikke|kan ikke|har ikke|er redd|er bekymret|er sliten|er lei|er usikker|er i tvil|er (?:ikke )?sikker|savner|hater|liker|elsker|trenger|verdsetter|tenker|synes|tror|regner med|har det)|betyr (?:veldig |virkelig |så |utrolig )?(?:mye|noe|alt) for deg|viktig for deg)\b",
     N_("describes what the client feels, wants or thinks ('{m}'): reflection")),
]

#: A reflection that adds meaning: a feeling not named, a double side, a metaphor, a summary.
COMPLEX_CUES = [
    (r"\b(?:en del av deg|en annen del|på den ene siden|på den andre siden|samtidig|og likevel|men likevel|men også|både\b.*\bog|splittet|revet)\b|, men (?:så )?(?=\w+ \w+)",
     N_("holds both sides ('{m}'): a double-sided reflection, which is complex")),
    (r"\b(?:la meg (?:bare )?(?:oppsummere|samle (?:opp|trådene|det)|prøve å (?:oppsummere|samle)|se om jeg har)|for å oppsummere|hvis jeg skal oppsummere|slik jeg har forstått det|det jeg hører)\b",
     N_("'{m}' gathers several things the client said: a summary, coded as a complex reflection")),
    (r"\b(?:det handler (?:ikke (?:bare|kun) om|om mer enn|mindre om|mer om)|ikke (?:bare|kun|bare bare)|(?:det|den|dette) er (?:mer enn|noe annet enn)|(?:er|har) blitt (?:en|et|det|din|ditt|den|til)|har gjort \w+ til|ville (?:bety|føles|vært et)|(?:din|en) måte å|i stedet for|mer,? enn|enn noen|holder på å (?:bli|finne|miste|få|gjøre)|det vanskelige|det vanskeligste|det som er vanskelig|spørsmålet er|mer på spill|på spill)\b",
     N_("'{m}' names what lies under the client's words: complex reflection")),
    (r"\b(?:som en|som et|som om|liksom|nesten|en slags|bære|båret|bærer|vekt|mur|kamp|felle|fast|kjørt seg fast|dør|berg-og-dal-bane|stup|hamsterhjul|autopilot|krykke|redningsvest|venn|fiende|sikkerhetsnett|maske|storm|fjell|hull|tau|balanse|sjonglere|brems|ratt|gasspedal|signal|tomrom|skru av|slukke\w*|fire vegger|holder alt sammen|spenner bein|i veien)\b",
     N_("uses an image ('{m}'): a metaphor adds meaning, so complex")),
    (r"\b(?:bekymret|bekymring|redd|engstelig|lei deg|sint|irriter\w*|frustrer\w*|flau|skam\w*|skyldfølelse|stolt|lettet|overveld\w*|maktesløs|hjelpeløs|fortvil\w*|håpløs|håp|nervøs|stresset|stressa|presset|ensom|alene|såret|skuffet|lengter|lengsel|savn\w*|lei av|drittlei|gjorde noe med deg|traff deg|gjør vondt|gjorde vondt|kan ikke ha vært lett|må (?:ha vært|være)|betyr (?:veldig |virkelig |så |utrolig )?(?:mye|noe|alt) for deg|viktig for deg|du verdsetter|den typen|den (?:mammaen|pappaen|moren|faren|mannen|kvinnen|personen|forelderen)|hvem du er|troen|ufarlig|harmløs|flink|riktig for deg|gnager|tynger|overflødig)\b",
     N_("names a feeling or value ('{m}'): complex reflection when it goes beyond the client's words")),
    (r"\b(?:du har begynt å|du begynner å|du holder på å|du er (?:klar|beredt) (?:for|til)|du vurderer|du tenker på å|allerede (?:begynt|i gang)|neste skritt|en vei (?:ut|videre|tilbake)|(?:ta|tar) (?:tilbake )?styringen|på vei|på tide)\b",
     N_("'{m}' carries the client's words a step forward: complex reflection")),
    (r"\b(?:aldri|alltid|i det hele tatt|slett ikke|fullstendig|totalt|ingenting|på ingen måte|hele tiden|overhodet|alle andre|det eneste)\b",
     N_("amplifies ('{m}'): an amplified reflection is complex")),
]

# --------------------------------------------------------------------------- the other codes
#: (code, weight, pattern, reason), weighed as in :mod:`.cues_en`. "R" is a reflection of either depth.
CUES: list[tuple[str, float, str, str]] = [
    # ---- a summary gathers the client's words, strengths among them: a (complex) reflection
    ("R", 5.2, r"^(?:la meg (?:bare )?(?:prøve å )?(?:oppsummere|samle (?:opp|trådene|det))|for å oppsummere|hvis jeg skal oppsummere)\b",
     N_("'{m}' gathers several things the client said: a summary, coded as a complex reflection")),
    # ---- Confront: labels, shames, blames, disbelieves, argues
    ("CONF", 6.0, r"\bdu er (?:jo |bare |rett og slett |altså |nå )?(?:en |bare en )?(?:alkoholiker|misbruker|rusmisbruker|narkoman|fyllik|løgner|spillavhengig|lat|ansvarsløs|egoistisk|umoden|barnslig|i fornektelse|(?:litt |veldig )?(?:fordomsfull|negativ|urimelig|naiv))\b",
     N_("labels or blames the client ('{m}'): confront")),
    ("CONF", 6.0, r"\b(?:det (?:der |her )?er (?:jo |bare |altså )?(?:en |noen )?(?:unnskyldning(?:er)?|bortforklaring(?:er)?|tull|tøys|vås|ikke riktig|ikke sant|løgn|din egen feil)|(?<!for )din egen skyld|din egen feil|ditt eget ansvar|det er ikke (?:min|andres|noen andres) (?:skyld|feil)|bortforklaring(?:er)?|unnskyldninger)\b",
     N_("argues with or blames the client ('{m}'): confront")),
    ("CONF", 6.0, r"\b(?:^helt ærlig|^ærlig talt|vær nå ærlig|la oss være ærlige|kom igjen\b|ta deg (?:nå )?sammen|innrøm det|du må innrømme|ta (?:nå )?ansvar|slutt å (?:skylde|bortforklare|unnskylde|lyve)|du vet (?:utmerket|jo utmerket)|du vet (?:jo )?godt(?: selv)?,? at det|skylde på (?:alle )?andre|hva hadde du trodd|hvor mange ganger skal|det sa du (?:forrige gang|sist|også)|du sier alltid|nå leter du|leter (?:du )?(?:bare )?etter (?:unnskyldninger|grunner)|tror du (?:selv )?på det|tror du på det selv|tror du virkelig|det kan du (?:jo )?ikke vite|sånn kan det ikke fortsette|jeg er (?:litt |ganske |veldig )?skuffet|du har jo selv|du har selv valgt|det har du selv|det tror jeg ikke på|det holder ikke|folk som deg|du lyver|du sa det samme (?:for|sist|forrige)|du (?:ikke )?vil (?:ikke )?innrømme|ta deg sammen|du er (?:jo |bare )?ikke ærlig|du lurer (?:bare )?deg selv|(?:så )?du synes (?:altså )?(?:at )?det er (?:greit|i orden|ok|okei|helt greit|fint) å|(?:sånn )?en som deg|burde vite bedre|skam deg|burde skamme deg|bare deg selv å takke|ditt eget problem|ta konsekvensene|det sier alle|jeg har hørt det før|du må (?:nå )?innse|ikke mitt problem|nå hører du etter|hør nå her|det er (?:altså |bare )?ikke (?:greit|ok|okei|i orden|akseptabelt) å|nekter å (?:innse|se)|(?:ikke )?vil se (?:det|sannheten) i øynene)\b",
     N_("challenges the client's honesty or argues ('{m}'): confront")),
    ("CONF", 5.0, r"^(?:(?:nei,? )?det (?:stemmer|er) (?:da |bare |altså |jo )?ikke(?: riktig| sant)?$|nei,? (?:det|du|jeg)|jo,? (?:det|du) (?:gjør|er|har|kan)|virkelig\s*[?!]|seriøst\s*[?!])",
     N_("disagrees with what the client said ('{m}'): confront")),
    ("CONF", 5.0, r"^(?:vil|har|skal) du (?:virkelig |egentlig |i det hele tatt )?(?:ende|havne|miste|kaste bort|ødelegge|dø|tilbake i fengsel)\b|^(?:vil|har|synes|tror) du virkelig\b|^bryr du deg ikke|^hvorfor (?:fortsetter du (?:med )?å (?:lyve|jukse|skjule|skylde)|lyver du|skal du alltid)",
     N_("a question that shames ('{m}'): confront")),
    # ---- Persuade: advice, warnings, arguments, directives, without permission
    ("PERS", 4.5, r"\b(?:(?<!hvis )du (?:bør|burde|skal (?:bare|altså|rett og slett|virkelig|nå|helst|absolutt) \w+|skal (?:ikke )?(?:slutte|stoppe|la være|droppe|kutte ned|huske|sørge for|begynne|starte|søke|ringe|snakke med|slette|kaste|passe på)\b|må (?!gjerne|godt|selv|ha|være|kunne|jo)\w+|(?:er|blir) (?:rett og slett |altså |bare |virkelig |nå )?nødt til|skulle (?:bare |virkelig |kanskje )?(?:prøve|ta|vurdere|tenke over|si|slutte|kutte|ringe|gå|droppe|la)\b)|(?:så|derfor|nå|da|det|dem|den) (?:skal|bør|må) du\b|får du bare|jeg (?:synes|mener|tenker|tror),? (?:altså |virkelig )?(?:at )?du (?:skal|bør|burde|skulle|må)|(?:synes|mener|tenker|tror) jeg,? (?:at )?du (?:skal|bør|burde|skulle|må)|jeg vil (?:gjerne |sterkt |varmt )?(?:råde|anbefale|oppfordre) deg|jeg (?:råder|anbefaler|oppfordrer) deg|jeg vil anbefale|mitt råd|min anbefaling|det beste du kan gjøre|det eneste riktige|det (?:er|blir) (?:viktig|avgjørende|nødvendig|veldig viktig),? at du|sørg for å|husk,? (?:nå )?å|det finnes ingen annen vei|hvis jeg var deg|i dine sko|du ville hatt (?:mye |veldig )?godt av|du ville hatt det (?:mye |langt |veldig )?bedre|det ville vært (?:mye |langt |veldig )?(?:bedre|lurere|sunnere|enklere|smartere)|det er på (?:høy tid|tide)|tro meg|stol på meg|for din egen skyld|la (?:nå )?være å|det er (?:midt i blinken|akkurat noe) for deg|det burde du|prøv nå|du kan ikke bare|du må ikke|du skal ikke|ikke avskriv)\b",
     N_("'{m}' tells the client what to do without asking permission: persuade")),
    ("PERS", 4.0, r"\b(?:hvis du (?:fortsetter|ikke slutter|ikke gjør noe|holder på)|fortsetter du sånn|ender du (?:opp )?(?:med|i|på)|du ender (?:opp )?(?:med|i|på)|du kommer til å (?:miste|angre|ødelegge|ende|dø|skade)|du risikerer å|det (?:vil|kommer til å) (?:gå galt|bli verre|koste deg|ødelegge)|så går det galt|det ender galt|hvis du ikke (?:møter opp|kommer|dukker opp|slutter|stopper))\b",
     N_("warns of what will happen ('{m}'): persuade")),
    ("PERS", 4.0, r"^(?:hvorfor (?:ikke|prøver du ikke|gjør du ikke|lar du ikke|slutter du ikke|tar du ikke|går du ikke|kutter du ikke)|hva med å|hva med om du|hva om du (?:bare|prøvde)|kunne du ikke|kan du ikke (?:bare|prøve)|burde du ikke|skulle du ikke|bør du ikke|har du (?:noen gang )?(?:vurdert|tenkt på|tenkt over) (?:å bare|bare å|kanskje å|å)|er det ikke på tide|ville det ikke vært|synes du ikke (?:selv )?(?:at )?(?:du|det)|tror du ikke,? (?:at )?(?:det|du) (?:ville|vil|kunne|skulle|burde))",
     N_("advice in the form of a question ('{m}'): persuade")),
    ("PERS", 3.5, r"^(?:prøv|stopp|slutt|dropp|ta|la være|husk(?!,? at du (?:alltid |også )?kan)|sørg for|kutt|drikk|spis|gå|ring|kontakt|bruk|kast|slett|sett|få|start|begynn|unngå|skriv|tenk|lov meg|gi|bytt|meld deg|kjøp|legg|hopp|finn|hent|søk|bestill|glem|les)\b(?! (?:meg|oss|deg|litt|plass|inn|å (?:fortelle|beskrive|forklare|sette ord))\b)",
     N_("an instruction ('{m} ...'): persuade")),
    ("PERS", 3.0, r"\b(?:du vet (?:jo |godt |utmerket )?(?:godt,? )?at (?:\w+ ){0,6}(?:er|blir|gjør) (?:\w+ )?(?:skadelig|farlig|usunt|dårlig|verre)|jeg (?:henviser|sender) deg|det er derfor (?:du|din|ditt)|tenk på (?:dine|din|ditt|ungene|barna)|jeg har sett mange (?:\w+ ){0,4}(?:få|klare|komme)|jo (?:før|lenger|mer|mindre|tidligere) (?:du|man)|desto|det er (?:veldig |virkelig )?(?:farlig|skadelig|usunt|uansvarlig|dumt)|det (?:ville|vil|kunne|kan) (?:nok |kanskje |helt sikkert |klart )?(?:vært|være) (?:lurt|smart|fornuftig|klokt|en god idé|en god ide)|det er (?:lurt|en god idé|en god ide) å|(?:jeg vil|jeg ville|jeg) (?:gjerne |sterkt )?foreslå|(?:mitt forslag|forslaget mitt) er|det (?:er|ville vært) best (?:om|hvis|at) du|det beste er å|det (?:vil|ville|er) (?:nok |helt sikkert )?(?:være |vært )?best for deg|(?:ville|vil) jeg (?:nok |helt klart )?(?:droppet|droppe|sluttet|slutte|kuttet ned|kutte ned|latt være|la være|valgt|prøvd)|jeg ville (?:nok |helt klart )?(?:droppet|sluttet|kuttet ned|latt være|valgt|prøvd)|du kunne (?:jo |bare |alltid )+\w+|jeg vil (?:gjerne )?at du|jeg sier (?:dette|det) (?:fordi|for din)|jeg vil deg vel|der ser du)\b",
     N_("pushes a solution or an argument ('{m}'): persuade")),
    # ---- Persuade with permission: advice with the client's choice built in
    ("PWP", 5.0, r"\b(?:kanskje (?:passer det|er det) (?:ikke )?(?:for|til) deg|passer (?:det )?kanskje ikke (?:for|til) deg|(?:det|dette) (?:her )?passer kanskje ikke|det er ikke sikkert (?:at )?det passer|ikke sikkert (?:at )?det er noe for deg|det er ikke for alle|ikke noe for alle|ta det du kan bruke|hvis det (?:gir mening|passer|høres|virker) (?:for|til|inn)|hvis det passer inn|hvis du har lyst|hvis du er interessert|det er (?:bare|kun) et forslag|bare et forslag|du kan godt si nei|du må gjerne si (?:nei|fra)|si fra hvis|for hva det er verdt|det finnes (?:flere|ulike|noen|mange) (?:muligheter|måter|veier)|det er (?:flere|ulike|noen) (?:muligheter|måter)|en mulighet (?:er|kunne vært|kan være)|noen velger|andre (?:velger|trapper|gjør)|om det gir mening(?: for deg)?|hvis det (?:høres|virker) (?:ut )?(?:som )?(?:noe|interessant|nyttig)|(?:om|hvis) det er noe for deg|(?:jeg )?vet ikke om det (?:passer|er noe|gir mening))\b",
     N_("'{m}' offers advice while leaving the choice to the client: persuade with permission")),
    ("PWP", 2.5, r"\b(?:noen|mange|andre|flere)(?: av dem jeg (?:snakker|prater) med| av (?:klientene|pasientene|brukerne) mine| (?:mennesker|folk|pasienter|foreldre|unge|klienter|elever))?\b(?= (?:\w+ ){0,3}(?:finner|har hatt|opplever|prøver|bruker|velger|synes|gjør|kutter|slutter|starter|har gode erfaringer|har funnet|har fått|har brukt|har prøvd))|(?:har hatt|har) (?:nytte|glede|god effekt) av",
     N_("'{m} ...' offers what has worked for others: advice; with choice left open it is persuade with permission")),
    # ---- Seeking collaboration: permission, the client's agenda, ideas and expertise
    ("SEEK", 5.0, r"^(?:er det (?:greit|i orden|ok|okei|okay|fint),? (?:at|om|hvis) (?:jeg|vi)|vil det være (?:greit|i orden|ok),? (?:at|om|hvis)|ville det vært (?:greit|i orden|ok|til hjelp|nyttig),? (?:at|om|hvis)|kan jeg (?:få )?(?:fortelle|dele|komme med|gi|foreslå|si|nevne|vise|legge til|forklare)|får jeg (?:lov til å )?(?:fortelle|dele|komme med|gi|foreslå|si|nevne)|kunne jeg (?:fortelle|dele|komme med|gi|foreslå)|har du noe imot at jeg|vil du (?:gjerne )?(?:høre|vite|at jeg)|har du lyst til å (?:høre|vite)|er du (?:ok|okei|med på),? (?:at|om|hvis) jeg)\b|\b(?:med din tillatelse|hvis det er greit for deg|hvis det er i orden for deg)\b",
     N_("asks the client's permission ('{m}'): seeking collaboration")),
    ("SEEK", 4.5, r"\b(?:hva vil du (?:gjerne )?(?:at vi skal|snakke om|prate om|bruke tida på|bruke tiden på|starte med|ha ut av (?:i dag|samtalen|dette|tida|tiden|timen|møtet))|hva skal vi (?:bruke tida på|bruke tiden på|snakke om|starte med)|hvor vil du (?:gjerne |helst )?(?:starte|begynne)|hva er viktigst for deg å (?:snakke|prate|få)|hva som er viktigst for deg|du er (?:jo )?eksperten|du kjenner (?:deg selv|ditt (?:eget )?liv|din (?:egen )?kropp|barna dine|ungene dine|situasjonen din|hverdagen din) (?:bedre|best)|bedre enn (?:noen andre|meg|jeg)|du vet (?:jo )?(?:selv )?best|(?:finne ut av|se på|tenke over|legge en plan|legger en plan|lage en plan|lager en plan|jobbe med|finne en løsning) (?:\w+ ){0,2}sammen|sammen (?:finne|se|tenke|legge|jobbe)|la oss (?:finne ut av|se på|tenke)|hvordan kan jeg (?:hjelpe|være til hjelp)|hva er dine (?:egne )?(?:ideer|idéer|tanker) (?:om|til)|dine (?:egne )?ideer|jeg vil (?:gjerne )?høre (?:hva du|din|dine)|(?:jeg vil gjerne|jeg har lyst til å|jeg kunne tenke meg å) høre hva du selv|er (?:nå|det) et godt tidspunkt|hva ville vært (?:mest )?(?:nyttig|til hjelp|viktigst|viktig) for deg å (?:få ut av|snakke om|prate om)|hva (?:tenker|synes|mener) du(?: selv)? (?:at )?vi (?:skal|bør|kan)|(?:vil|ville) jeg (?:gjerne )?høre (?:dine|din|hva du)|(?:du|det er du) som kjenner (?:\w+ ){1,3}(?:bedre|best)|du kjenner (?:\w+ ){1,3}(?:bedre|best)|^skal vi (?:se|ta|snakke|prate) (?:på|om)|hva trenger du fra meg|hvordan kan jeg best|er det (?:greit|ok|okei|i orden) for deg)\b",
     N_("'{m}' shares control of the conversation with the client: seeking collaboration")),
    # ---- Emphasising autonomy
    ("EMPH", 5.5, r"\b(?:(?:det er|er) (?:helt |fullstendig |alltid |fortsatt |til syvende og sist |jo |selvfølgelig |uansett )?(?:din (?:egen )?beslutning|ditt (?:eget )?valg|opp til deg)|det er (?:jo )?du som (?:bestemmer|avgjør|velger)|er det du som (?:bestemmer|avgjør|velger)$|det er (?:jo )?(?:ditt (?:eget )?liv|din (?:egen )?kropp)|(?:helt |fullstendig )?opp til deg|det bestemmer du|du bestemmer(?: selv)?|du velger selv|du avgjør selv|bare du kan|ingen (?:andre )?(?:enn deg )?kan (?:bestemme|tvinge|ta den|gjøre det for deg|velge|avgjøre)|du som (?:må|skal) (?:bestemme|velge|avgjøre)|du som (?:sitter med|har|tar) (?:avgjørelsen|beslutningen|valget)|(?:avgjørelsen|beslutningen) er din|valget er ditt|det er (?:helt )?din (?:egen )?sak|du har (?:alltid )?et valg|jeg kan ikke (?:bestemme|velge|avgjøre|gjøre det) for deg|kan verken jeg eller|det kan (?:ikke jeg|verken jeg) (?:bestemme|ta fra deg)|jeg (?:vil|skal) ikke (?:tvinge|presse|bestemme)|i ditt eget tempo|på dine (?:egne )?premisser|uansett hva du (?:velger|bestemmer)|hvis og når du|du trenger ikke (?:å )?(?:bestemme|gjøre|endre|ta stilling)|du har rett til å (?:bestemme|si nei|velge|si fra))\b",
     N_("'{m}' puts the decision with the client: emphasising autonomy")),
    ("EMPH", 4.8, r"\b(?:du kan (?:alltid |bare |godt )?si (?:nei|fra)|du (?:kan|får) selv (?:vurdere|velge|bestemme|kjenne etter|se|finne ut)|du finner selv ut|det må du selv (?:vurdere|bestemme|finne ut av))\b",
     N_("'{m}' puts the decision with the client: emphasising autonomy")),
    # ---- Affirm: a genuine, specific strength or effort
    ("AF", 5.0, r"\b(?:det (?:krever|krevde|har krevd|må ha krevd|tar|tok) (?:virkelig |mye |en del |noe |stort |masse )?(?:mot|styrke|vilje|viljestyrke|pågangsmot|ærlighet|innsats|krefter|disiplin|tålmodighet|selvdisiplin)|det står (?:det )?respekt av|godt jobba|godt jobbet|bra jobba|bra jobbet|godt gjort|bra gjort|sterkt gjort|sterkt av deg|flott (?:at du|gjort|jobba)|^(?:bra|godt|fint|flott|kjempebra),? at du|det er (?:virkelig |veldig |så )?(?:sterkt|flott|tøft|modig|imponerende|godt jobba|bra jobba)(?: gjort)?,? at du|(?:gjort|lagt ned|lagt inn) (?:en )?(?:stor|kjempe|flott|god|skikkelig|imponerende) innsats|takk for at du (?:er|forteller|deler|sier|har|vil)|takk for (?:ærligheten|at du)|du (?:kan|må) være stolt|du har (?:virkelig |allerede |selv |jo )?(?:kjempet (?:for|hardt)|stått på|holdt fast|holdt ut|klart (?:det|å|deg)|jobbet hardt|kuttet ned|tatt (?:det første|et stort|et viktig|ansvar))|du har selv funnet|du klarte|du tok selv|du ga ikke opp|du holdt fast|du er (?:en|typen) som|du er (?:virkelig |veldig |så |skikkelig )?(?:modig|sterk|ærlig(?! (?:med|overfor|mot) deg)|utholdende|nøye|grundig|stabil|ansvarlig|omsorgsfull|en kriger|en fighter|tøff)|du tar (?:godt|veldig godt|virkelig godt) vare på|du tar (?:helsa di|helsen din|det|dette|ungene dine|ansvar) (?:alvorlig|på alvor)|du er (?:veldig |virkelig |så |skikkelig )?(?:god|flink) til å|det (?:må ha krevd|har krevd|krevde|krever) (?:en del|noe|mye|sitt|sin)\b|det sier (?:noe|mye) (?:godt )?om,? (?:deg|hvor|at du|hvem|hva)|det sier meg at|ikke alle (?:ville|kan|gjør|tør|har)|lurt (?:tenkt|gjort|av deg)|godt tenkt|smart trekk|det var (?:en )?(?:veldig |virkelig )?(?:god|smart|lur) (?:idé|ide)|din egen idé|du har gjort det (?:veldig |virkelig |så |utrolig )?(?:godt|bra|kjempebra|flott|fint|fantastisk|supert)|at du er (?:en )?(?:virkelig |veldig )?(?:omsorgsfull|ansvarlig|sterk|modig|flink|kjærlig|engasjert|utholdende|handlekraftig|reflektert)|du viser (?:stor |virkelig )?(?:styrke|vilje|mot|ansvar|omsorg)|det viser at du (?:er|kan|har|tar|vil)|du har vært (?:utrolig |veldig |virkelig )?(?:modig|sterk|utholdende|ærlig)|jeg er (?:virkelig |veldig )?imponert|imponerende|hatten av|du skal ha (?:skryt|ros|honnør|cred)|helt på egen hånd|uten at noen (?:ba|sa)|et stort skritt|et viktig skritt|en stor seier)\b",
     N_("recognises a strength or effort of the client's ('{m}'): affirm")),
    # ---- Giving information: facts, results, explanations
    ("GI", 3.0, r"\b(?:forskning(?:en)? (?:viser|tyder)|undersøkelser (?:viser|tyder)|studier viser|helsedirektoratet|anbefaler (?:at man|maks|høyst|ikke mer)|anbefaling(?:en|ene)?|retningslinje(?:ne|r)?|enheter (?:i|per|om) (?:uka|uken|døgnet|dagen)|\d+(?:[.,]\d+)? ?(?:enheter|mg|ml|gram|kilo|kg|prosent|%|promille|mmol|timer|dager|uker|måneder)|\d+ over \d+|prosent|i gjennomsnitt|som regel (?:etter|i|på|mellom|verst|verre)|vanligvis|typisk (?:\w+ )?(?:etter|i|på|mellom|åtte|seks|to|tre|fire|fem|noen)|det er (?:helt )?(?:gratis|anonymt?|konfidensielt|normalt|vanlig)|er (?:gratis|anonym|konfidensiell)|taushetsplikt|du (?:alltid |også |bare )?kan (?:alltid |også |bare )?(?:få|ringe|bestille|hente|finne|søke|booke|kontakte|melde deg|henvende deg|lese|laste ned)|man kan (?:få|ringe|bestille|hente|finne|søke|følge|kontakte|melde seg|henvende seg|lese|laste ned)|man (?:får|er|skal|må)|(?:prøven|prøvene|prøvesvaret|blodprøven|urinprøven|testen|blodtrykket|blodsukkeret|langtidsblodsukkeret|leververdiene|kolesterolet|blodprøve|urinprøve)\b(?: \w+){0,3}? (?:viser|er|var|kom|har kommet|ligger|lå|steg|har steget|falt)|ligger (?:over|under|på)|har åpent|åpen (?:på|fra|hver|alle)|hver (?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)|(?:mandag|tirsdag|onsdag|torsdag|fredag)s? ?(?:ettermiddag|kveld|formiddag)|uten (?:timeavtale|henvisning)|det betyr at|som betyr at|virker ved (?:å|at)|gratis|promille|i timen|forsvinner med|øker risikoen|risikoen for|kan (?:gi|føre til|skade|påvirke|forårsake)|bivirkning\w*|abstinens\w*|(?:er verst|avtar|forsvinner|varer) (?:som regel |vanligvis |normalt )?(?:etter|i|på)|det ser vi (?:ofte|tit)|det er (?:jobben min|min plikt)|jeg (?:skal|må|er nødt til å|er pliktig til å|har plikt til å) (?:notere|skrive|registrere|rapportere|melde|gi)|pliktig til|plikt til å|(?:blir|er)(?: værende)? i kroppen|vilkårene|brudd på|loven|reglene|det finnes|det er (?:en|et) (?:app|gruppe|tilbud|nettside|telefonlinje|kurs)|kommunen (?:har|tilbyr|kan)|nav (?:har|tilbyr|kan|dekker)|de fleste (?:sover|opplever|får|merker|har)|(?:demper|øker|senker|hemmer|forsterker|påvirker|belaster|reduserer) (?:risikoen|pusten|blodtrykket|blodsukkeret|forbrenningen|appetitten|søvnen|søvnkvaliteten|effekten|virkningen|leveren|hjertet|kroppens|sentralnervesystemet|hukommelsen|konsentrasjonen|immunforsvaret|fruktbarheten)|farlig kombinasjon|ute av kroppen|jeg (?:kan )?se(?:r)? i (?:journalen|journalen din|saken din|saken|papirene|systemet)|klokka \d+|klokken \d+|(?:på|uten) resept|reseptfri|reseptbelagt|ifølge|det er sånn at|det er (?:en )?(?:økt |stor |høy )?risiko for|mange (?:opplever|får|merker)|det tar (?:vanligvis |typisk |normalt |cirka |omtrent |som regel )?(?:\w+ )?(?:dager|uker|måneder|timer|minutter)|cirka|ca\.|mellom \d+ og \d+|opptil \d+|vi kan tilby|behandlingen (?:varer|tar|består)|du har (?:krav|rett) på)\b",
     N_("gives facts or an explanation ('{m}'): giving information")),
    ("GI", 3.0, r"^(?:din|ditt|dine) (?:\w+ ){0,2}(?:blodprøve|urinprøve|prøve|prøver|prøvesvar|blodtrykk|blodsukker|langtidsblodsukker|leververdier|kolesterol|resultater|verdier|vekt|bmi|puls)\w*(?: \w+){0,3}? (?:viser|er|var|ligger|lå|steg|har steget|falt|kom)\b",
     N_("gives facts or an explanation ('{m}'): giving information")),
    ("GI", 3.0, r"^(?:din|ditt|dine|leveren|kroppen|lungene|hjertet|hjernen|blodtrykket|tennene|tannkjøttet|søvnen) (?:\w+ )?(?:kan|vil|blir|begynner|pleier|trenger) (?:hente seg|komme seg|bli bedre|ta tid|leges|gro|restituere)\b",
     N_("gives facts or an explanation ('{m}'): giving information")),
    ("GI", 2.5, r"^(?:samtalen|samtalene|rådgivningen|rusteamet|nav|kommunen|legekontoret|klinikken|gruppa|gruppen|kurset|appen|tilbudet|røyketelefonen|plasteret|plastrene|tyggisen|medisinen|tablettene|pillene|fysioterapeuten|legen|tannlegen|sykepleieren|hasj|alkohol|nikotin|snus|cannabis|kokain|amfetamin|nikotinplaster|arbeidstrening|arbeidsutprøving)(?: \w+){0,3} (?:kan|gir|hjelper|virker|tar|koster|dekker|inneholder|sender|tilbyr|lager|varer|er (?:gratis|åpen|anonym))\b",
     N_("says how a service, a rule or a treatment works ('{m}'): giving information")),
]

#: Words too common to show what a reflection took from the client's line.
STOPWORDS = frozenset(
    """og i jeg det at en et den til er som på de med han av ikke der så var meg seg men har om vi
    min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal
    selv her alle vil bli ble blitt kunne inn når være noen noe ville dere deres etter ned skulle
    denne for deg si sine sitt mot dette disse uten hvordan hvorfor hvem hvilken hvilke ingen din
    ditt dine di blir samme sånn slik hver både bare enn fordi før mange også vært altså liksom
    asså ja jo eh bare godt litt mer mye sa sier gjør gjorde får fikk helt veldig okei kanskje
    egentlig faktisk vel""".split()
)

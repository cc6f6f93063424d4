"""Danish cues for the utterance classifier: the words and word orders that point to a MITI code.

The same names as :mod:`.cues_en`, with Danish patterns; the mechanism (:mod:`.classifier`) is
unchanged. Danish asks a yes/no question by putting the verb first ("Drikker du ...?", "Har du
...?"); a question word (hvad, hvordan, hvorfor ...) opens an open question unless it asks for a
fact (hvor mange, hvornår, hvilken dag ...). Danish is a verb-second language, so a statement that
opens with an adverb also has the verb before the subject ("Så drikker du ..."): only a verb in
the very first place makes a question.

Patterns were written from the MITI 4.2.1 definitions and tuned on the project's Danish material
only (the library's Danish dialogues, the Danish practice prompts and dev-da.csv); the held-out
set was never opened. Reasons reuse the English msgids of :mod:`.cues_en`, so one translation
serves every language; ``{m}`` shows the Danish words that matched.
"""

from __future__ import annotations

from .i18n import N_

# ------------------------------------------------------------------------------------ the text
#: Spoken fillers stripped from the start of a sentence. "så", "nu", "godt" ... only before a comma
#: or (for "så") before a subject or question word: "Så drikker du ..." keeps its verb-second order.
LEADING_FILLERS = (
    r"(?:(?:(?:øh+m*|øhm+|æh+m*|eh+m*|hm+|mm+|mhm|altså|nå(?:h| men| okay)?|jamen|ja(?:h| ja| men)?|okay|ok|og|men|hør(?: her)?|ved du hvad)\b"
    r"|(?:godt|fint|fedt|super|klart|nu|jo|right|ikke|så|ja),(?!\s*at\b)"
    r"|så\b(?=[\s,]+(?:du|dig|din|dit|dine|det|der|den|de|en|et|hvad|hva|hvordan|hvorfor|hvornår|hvor|hvem|hvilke[nt]?|når|hvis|for|jeg|vi|man|i dag|lad)\b)"
    r"|(?:du ved|ikke også),)[\s,.!-]*)+"
)

#: Transcribers' notes in round brackets.
TRANSCRIPT_NOTES = r"\((?:griner|ler|latter|sukker|suk|pause|holder pause|tøver|hoster|utydeligt|uhørligt|taler i munden på hinanden)[^)]*\)"

#: A word that addresses the client: a statement without one leans to information.
YOU = r"\b(?:du|dig|din|dit|dine|jer|jeres)\b"

#: Whole sentences that carry no code: listening sounds, greetings, goodbyes, arranging the session.
NO_CODE = [
    (r"^(?:m+|mm+|mhm|hm+|ja|jah|jep|jo|nej|nå|nåh|okay|ok|fint|godt|klart|selvfølgelig|javel|aha|årh|åh|præcis|netop|nemlig|fedt|super|rigtigt|sandt|jamen|nå okay|ja ja|nå nej|ih|ups)[\s.!?,]*$",
     N_("only a listening sound ('{m}'): not coded")),
    (r"^(?:hej|hejsa|hallo|goddag|god ?morgen|god eftermiddag|god aften|velkommen|kom (?:bare |lige )?ind(?:enfor)?|sæt dig|tag plads|tak fordi du (?:kom|ville komme)|tak for (?:i dag|nu|denne gang)|vi ses|farvel|hej hej|hav det godt|jeg hedder|mit navn er|rart at (?:møde|se) dig|godt at se dig|dejligt at se dig|undskyld,? (?:at )?du (?:har )?måtte(?:t)? vente|undskyld ventetiden)\b",
     N_("a greeting or goodbye ('{m}'): not coded")),
    (r"^(?:vi ses (?:på|næste|i|om|igen)|lad os (?:aftale|booke|finde|lave) (?:en )?(?:ny )?tid|vi har (?:ikke så meget|ikke meget|kun|lige|ca\.?|cirka|omkring)?\s?(?:\w+ )?(?:minutter|tid) (?:tilbage|igen)|lad mig (?:lige )?(?:finde|hente|tjekke|slå|se|kigge) (?:\w+ )?(?:i )?(?:mine noter|din journal|journalen|kalenderen|papirerne|skemaet|skærmen|sagen)|lad mig (?:lige )?(?:finde|hente|tjekke)|lad os (?:komme i gang|begynde|starte|gå i gang|gå videre|vende tilbage til)|undskyld,? (?:fortsæt|bare fortsæt|jeg afbrød)|(?:bare )?fortsæt(?: bare)?$|et øjeblik|øjeblik|vent lige|jeg skriver (?:det )?lige (?:ned)?|jeg noterer lige|jeg (?:vil|skal) (?:gerne |lige )?stille dig (?:nogle|et par) (?:spørgsmål|ting)|(?:vi|lad os) (?:må |skal |bliver nødt til at )?(?:hellere |til at )?(?:runde af|slutte|stoppe) (?:for i dag|her)|vi (?:må|skal) (?:hellere |til at )?runde af|(?:så )?siger vi det|det siger vi|det var (?:det|alt),? (?:vi nåede|for i dag)|undskyld,? (?:jeg skal lige|et øjeblik)|jeg skal lige tage (?:den|telefonen)|(?:dejligt|skønt|møgvejr|sikke et vejr|hvilket vejr)\b.*\bvejr)",
     N_("arranges the session ('{m}'): not coded")),
]

# -------------------------------------------------------------------------------- questions
#: Words that can be the subject right after a fronted verb.
_SUBJECT = r"(?:du|i|han|hun|de|vi|man|jeg|der|det|den|dette|nogen|noget|nogle|dit|din|dine|jeres|hans|hendes|deres|vores|min|mit|mine|folk|familien|kæresten|konen|manden|børnene|lægen|medicinen)"
#: Common verbs in the present or past tense (not imperatives), which can open a yes/no question.
_VERB = (
    r"(?:er|var|har|havde|kan|kunne|vil|ville|skal|skulle|må|måtte|bør|burde|tør|turde|gider|gad|får|fik|går|gik|bliver|blev|ser|tror|troede|synes|syntes|ved|vidste"
    r"|kender|kendte|føler|følte|sover|sov|tager|tog|bor|boede|drikker|drak|ryger|røg|spiser|spiste|spiller|spillede|bruger|brugte|tænker|tænkte|mener|mente|siger|sagde"
    r"|prøver|prøvede|husker|huskede|hjælper|hjalp|passer|passede|virker|virkede|kommer|kom|plejer|plejede|mærker|mærkede|oplever|oplevede|savner|savnede|arbejder|arbejdede"
    r"|træner|trænede|ønsker|ønskede|håber|håbede|frygter|forstår|forstod|fungerer|fungerede|betyder|betød|gjorde|lod|kørte|nåede|slap|giver|gav|holder|holdt|sidder|sad|står|stod"
    r"|(?!(?:efter|under|over|hver|der|her|eller|ellers|hvis|mens|både|allerede|sidste|første|bedste|eneste|næste|værste|seneste|største|mindste|sværeste|vigtigste|hele|andre|derfor|senere|tidligere|siden|sammen|måske|især|imens|indtil|sommetider|bagefter|nogensinde|desværre|heldigvis|ellers|uanset|selvom|fordi|hvorfor|hvornår|hvor|hvad|hvilke|hvilken|hvilket|hvordan|hvem)\b)[a-zæøå]{2,}(?:er|ede|te|es))"
)
CLOSED_START = (rf"^(?:{_VERB}|gør)\s+(?:{_SUBJECT})\b|^gør (?:du|i|han|hun|de|vi|man|jeg)\b"
                rf"|^(?:din|dit|dine|jeres|hans|hendes|deres) \w+(?: \w+)?, (?:{_VERB}|gør) (?:han|hun|de|det|den)\b")
WH_START = r"^(?:hvad|hva|hvordan|hvorfor|hvornår|hvorhen|hvorfra|hvorledes|hvor|hvem|hvilken|hvilket|hvilke|på hvilken måde|i hvor høj grad|i hvilken grad)\b"

#: A question word followed by its subject opens a clause, not a question ("hvad du gør med det, er dit valg").
PRONOUN_AFTER_WH = r"^\w+\s+(?:(?:mange|meget|ofte|længe|tit|langt|gammel)\s+)?(?:du|jeg|vi|i|de|han|hun|man|det|der|den|din|dit|dine|min|mit|mine|hans|hendes|deres|jeres|vores|sin|sit|sine)\b(?!\s*\?)"
#: After a comma, a question word asks only when a finite verb follows it ("og din mor, hvad siger hun?"):
#: Danish puts a comma before every embedded clause ("tænk på, hvad din mor har været igennem").
LATER_CLAUSE_WH = rf"(?:hvad|hva|hvordan|hvorfor|hvem|hvor \w+) (?:{_VERB}|gør)\b"
#: A first clause opened by these words, with more after a comma, is a clause, not a question.
CLAUSE_NOT_QUESTION = r"(?:hvis|når|om|mens) "

#: Leading clauses before the question word ("Hvis du forestiller dig, at det lykkedes, hvordan ...?", "og din mor, hvad ...?"),
#: unless one of them already asks by its word order ("Kan du huske, hvad ...?" asks for a yes or no).
#: Each clause is matched one way only (no optional space that two parts could share): no runaway backtracking.
_LEAD = rf"(?:(?!\s*(?:(?:{_VERB}|gør)\s+{_SUBJECT}\b|(?:hvad|hva|hvordan|hvorfor|hvem|hvilke[nt]?|på hvilken måde|i hvor høj grad|i hvilken grad)\b))[^,?]*,)*\s*"

#: Requests and wonderings that ask without a question mark.
ASKING_STATEMENT = (
    r"^(?:fortæl|beskriv|forklar|uddyb|sig (?:lidt |noget )?(?:mere|om)|hjælp mig (?:med at |til at )?(?:forstå|se)|giv mig (?:et eksempel|en fornemmelse|en idé|et billede)"
    r"|tag mig (?:med )?igennem|prøv at (?:fortælle|beskrive|forklare|sætte ord på|sige lidt)|sæt (?:lidt )?ord på|jeg er (?:lidt |meget |bare |så |rigtig )?(?:nysgerrig|interesseret)"
    r"|jeg (?:kunne godt tænke mig|vil (?:rigtig )?gerne|ville gerne|kunne godt lide) (?:at )?(?:høre|vide|forstå)|jeg spekulerer på|jeg undrer mig over|jeg tænker på,? om"
    r"|lad mig spørge|må jeg spørge|kan jeg spørge|jeg vil (?:gerne )?spørge)\b"
)

#: Open: the question invites the client's own account.
OPEN_CUES = [
    (r"^(?:fortæl|beskriv|forklar|uddyb|sig (?:lidt |noget )?mere|hjælp mig (?:med at |til at )?(?:forstå|se)|giv mig (?:et eksempel|en fornemmelse|en idé|et billede)|tag mig (?:med )?igennem|prøv at (?:fortælle|beskrive|forklare|sætte ord på)|sæt (?:lidt )?ord på|jeg (?:kunne godt tænke mig|vil (?:rigtig )?gerne|ville gerne) (?:at )?(?:høre|vide|forstå))\b",
     N_("'{m}' asks for the client's own account: open question")),
    (r"^(?:jeg er (?:lidt |meget |bare |så |rigtig )?(?:nysgerrig|interesseret)|jeg undrer mig over|jeg spekulerer på)\b(?!,? (?:om|hvorvidt)\b)",
     N_("'{m}' invites the client to say more: open question")),
    (r"^(?:(?:kan|kunne|vil|ville|gider) du (?:ikke )?(?:lige )?(?:tænke dig at |prøve at )?|har du lyst til at )(?:fortælle|beskrive|forklare|uddybe|sætte ord på|sige (?:lidt |noget )?(?:mere|om)|give (?:mig )?(?:et eksempel|nogle eksempler)|hjælpe mig (?:med at |til at )?forstå|tage mig (?:med )?igennem)\b",
     N_("'{m}' asks for an account, not a yes or no: open question")),
    (rf"^{_LEAD}(?P<m>hvad|hva|hvordan|hvorfor|på hvilken måde|i hvor høj grad|i hvilken grad|hvorledes|hvilke[nt]?|hvem|hvor)\b(?! (?:mange|meget|ofte|længe|tit|gammel|langt|lang tid|tid|dag|dato|klokken|år|uge|måned|nummer|dosis|hedder)\b(?! (?:betyder|fylder|påvirker|bekymrer|plager|generer)\b))",
     N_("starts with '{m}', which invites a free answer: open question")),
]

#: Closed: a yes or no, a number, a name, a time or a choice answers it.
_SCALE = r"på en skala|fra 0 til 10|fra nul til ti|sætte et tal på|et tal (?:fra|mellem)"
#: The cue whose fact words (hvor mange, hvornår, hvilken dag ...) keep a question closed whatever follows.
FACT_QUESTION = (
    rf"^{_LEAD}(?P<m>hvor (?:mange|meget|ofte|længe|tit|gammel|langt|lang tid|stor)(?! (?:betyder|fylder|påvirker|bekymrer|plager|generer|fylder|går)\b)|hvornår"
    r"|hvem(?= (?:bor|er|var|har sendt|sendte|henviste|ringede|hedder|kører|betaler)\b(?! (?:ellers|mest|vigtigst)\b))|hvor(?= \w+ (?:du|i|han|hun|de|vi|man|jeg|det|der|den)\b)"
    r"|hvad (?:tid|dag|dato|klokken|hedder|for en dag|nummer)|hvilke[nt]? (?:dag|dage|tid|tidspunkt|klokkeslæt|uge|måned|år|dato|medicin|piller|tabletter|dosis|nummer|læge|skole|klasse|af (?:dem|de|delene)))\b"
    rf"|\b(?:{_SCALE})\b",
    N_("starts with '{m}', which asks for a fact (a number, a time, a place, a name): closed question"))
#: A tag at the end ("..., ikke?") makes a statement ask; so does "vel" in a sentence with "?".
TAG_QUESTION = (
    r"(?:,\s*(?:ikke|ik|ikk|vel|ja|jo|eller|okay|ok|right|hva|ikke også|ikke sandt|ikke rigtigt|eller hvad|eller hva|eller ej|er det ikke|gør du ikke|har du ikke|kan du ikke|stemmer det|passer det|er det rigtigt|har jeg ret)"
    r"|\b(?:ikke sandt|ikke også|eller hvad|eller hva|eller ej|stemmer det|passer det|er det rigtigt|har jeg ret|ikke rigtigt))\s*\?*$"
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
    (r"^(?:jeg (?:tænker på|spekulerer på|undrer mig over)|jeg er (?:lidt |bare )?(?:nysgerrig|i tvivl))(?:,)? (?:om|hvorvidt)\b",
     N_("'{m}' can be answered yes or no: closed question")),
    (r"\beller (?:om|er det|har du|vil du|skal du|var det|gør du|også)\b|\b\w+ eller (?:efter|før|om)\b",
     N_("offers a choice ('{m}'): closed question")),
]

# ------------------------------------------------------------------------------- reflections
#: "Du tænker, at du burde ..." reports the client's own view: advice words inside it are not advice.
REPORTED_SPEECH = r"\b(?:du|en del af dig) (?:mærker selv|kan selv mærke|tænker|synes|mener|føler|følte|sagde|siger|tror|troede|ved|nævnte|fortalte|fortæller|har sagt|ønsker|håber|frygter|er bange for|er bekymret for|regner med|overvejer|forestiller dig)(?:,)?(?: at| om)? (?:du|det|der|de|han|hun|man)\b"

#: The client's experience put in the counsellor's words: a statement about "du".
REFLECTION_FORM = [
    (r"^(?:det lyder(?: som| til at| på dig som)?|det (?:virker|ser ud) (?:som|til at)|det føles(?:,)? (?:som|som om)|det jeg hører|jeg hører(?:,)? (?:at|dig sige)|hvis jeg (?:har )?forstå(?:r|et) dig (?:ret|rigtigt)|(?:lad mig|jeg vil (?:lige )?(?:gerne )?)(?:lige )?(?:samle op|opsummere|se,? om|prøve at samle|sammenfatte|høre,? om jeg)|for at samle op|med andre ord|jeg fornemmer|jeg kan (?:godt )?(?:forestille mig|høre|mærke)|jeg (?:gætter på|tænker|forestiller mig),? at du|du siger|du fortæller|som jeg hører det|det,? du (?:siger|fortæller|beskriver))\b",
     N_("'{m}' hands the client's meaning back: reflection")),
    (r"^(?:du|dit|din|dine|dig|for dig|en del af dig|på den ene side|inderst inde|et sted(?: inde)?(?: i dig)?|i dit|i din|det er dig)\b",
     N_("a statement about the client's own experience ('{m} ...'): reflection")),
    (r"\b(?:en del af dig|på den ene side|for dig|du (?:føler|følte|mærker|kan mærke|har lyst|vil gerne|ville gerne|vil ikke|ønsker|er ikke|kan ikke|har ikke|er bange|er bekymret|er træt|er ked|er i tvivl|er usikker|er (?:ikke )?sikker|savner|hader|kan lide|elsker|har brug for|værdsætter|tænker|synes|tror|regner med|har det)|betyder (?:rigtig |virkelig |så |utrolig )?(?:meget|noget|alt) for dig|vigtigt for dig)\b",
     N_("describes what the client feels, wants or thinks ('{m}'): reflection")),
]

#: A reflection that adds meaning: a feeling not named, a double side, a metaphor, a summary.
COMPLEX_CUES = [
    (r"\b(?:en del af dig|en anden del|på den ene side|på den anden side|samtidig|og alligevel|men alligevel|men også|både\b.*\bog|splittet|revet)\b|, men (?:så )?(?=\w+ \w+)",
     N_("holds both sides ('{m}'): a double-sided reflection, which is complex")),
    (r"\b(?:lad mig (?:lige )?(?:samle op|opsummere|prøve at samle|se,? om jeg har)|for at samle op|hvis jeg skal samle|så vidt jeg har forstået|det jeg hører)\b",
     N_("'{m}' gathers several things the client said: a summary, coded as a complex reflection")),
    (r"\b(?:det handler (?:ikke (?:kun|bare) om|om mere end|mindre om|mere om)|ikke (?:bare|kun|blot)|(?:det|den|det her) er (?:mere end|andet end)|(?:er|har) blevet (?:en|et|det|din|dit|den|til)|har gjort \w+ til|ville (?:betyde|føles|være et)|(?:din|en) måde at|i stedet for|mere,? end|end nogen|er ved at (?:blive|finde|miste|få|gøre)|det egentlige|det svære|det sværeste|det,? der er svært|spørgsmålet er|der er mere på spil|på spil)\b",
     N_("'{m}' names what lies under the client's words: complex reflection")),
    (r"\b(?:som en|som et|som om|ligesom|næsten|en slags|bære|båret|bærer|vægt|mur|kamp|fælde|fast|kørt fast|dør|rutsjebane|afgrund|hamsterhjul|autopilot|krykke|redningsplanke|ven|fjende|sikkerhedsnet|maske|storm|bjerg|hul|reb|balance|jonglere|bremse|rat|speeder|signal|tomrum|slukke\w*|sluk|spænder ben|i vejen|fire vægge|holder sammen på)\b",
     N_("uses an image ('{m}'): a metaphor adds meaning, so complex")),
    (r"\b(?:bekymret|bekymring|bange|angst|ked af|vred|irriter\w*|frustrer\w*|flov|skam\w*|skyldfølelse|stolt|lettet|overvæld\w*|magtesløs|hjælpeløs|fortvivl\w*|håbløs|håb|nervøs|stresset|presset|ensom|alene|såret|skuffet|længes|længsel|savn\w*|træt af|led og ked|ramte? dig|gør ondt|gjorde ondt|kan ikke have været (?:let|nemt)|må (?:have været|være)|betyder (?:rigtig |virkelig |så |utrolig )?(?:meget|noget|alt) for dig|vigtigt for dig|du værdsætter|den slags|den (?:mor|far|mand|kvinde|person|forælder|type)|hvem du er|troen|harmløs|ufarlig|dygtig|klog|rigtigt for dig|nager|tynger)\b",
     N_("names a feeling or value ('{m}'): complex reflection when it goes beyond the client's words")),
    (r"\b(?:du er (?:begyndt|ved) at|du er (?:klar|parat) til|du overvejer|du tænker på at|allerede (?:begyndt|i gang)|næste skridt|en vej (?:ud|frem|tilbage)|tage styringen|på vej)\b",
     N_("'{m}' carries the client's words a step forward: complex reflection")),
    (r"\b(?:aldrig|altid|overhovedet|slet ikke|fuldstændig|totalt|ingenting|på ingen måde|hele tiden|ingen som helst|alle andre|det eneste)\b",
     N_("amplifies ('{m}'): an amplified reflection is complex")),
]

# --------------------------------------------------------------------------- the other codes
#: (code, weight, pattern, reason), weighed as in :mod:`.cues_en`. "R" is a reflection of either depth.
CUES: list[tuple[str, float, str, str]] = [
    # ---- a summary gathers the client's words, strengths among them: a (complex) reflection
    ("R", 5.2, r"^(?:lad mig (?:lige )?(?:samle op|opsummere|prøve at samle|sammenfatte)|for at samle op|hvis jeg skal samle (?:op|det))\b",
     N_("'{m}' gathers several things the client said: a summary, coded as a complex reflection")),
    # ---- Confront: labels, shames, blames, disbelieves, argues
    ("CONF", 6.0, r"\bdu er (?:jo |bare |simpelthen |altså |nu )?(?:en |bare en )?(?:alkoholiker|misbruger|narkoman|junkie|fordrukken|drukkenbolt|løgner|ludoman|doven|ansvarsløs|egoistisk|umoden|barnlig|i benægtelse|i fornægtelse|ved at lyve|ved at snyde dig selv|fordomsfuld|urimelig|naiv|(?:lidt |meget )?(?:fordomsfuld|negativ|urimelig))\b",
     N_("labels or blames the client ('{m}'): confront")),
    ("CONF", 6.0, r"\b(?:det (?:der |her )?er (?:jo |bare |altså )?(?:en |nogle )?(?:undskyldning(?:er)?|bortforklaring(?:er)?|vrøvl|sludder|noget pjat|ikke rigtigt|ikke sandt|løgn|din egen fejl)|(?<!for )din egen skyld|dit eget ansvar|det er ikke (?:min|andres|nogen andens) skyld|bortforklaring(?:er)?|undskyldninger)\b",
     N_("argues with or blames the client ('{m}'): confront")),
    ("CONF", 6.0, r"\b(?:^helt ærligt|^ærligt talt|vær nu ærlig|lad os være ærlige|kom nu\b|tag dig (?:nu )?sammen|se nu at|indrøm det|du må indrømme|tag (?:nu )?ansvar|hold op med at (?:give|bortforklare|undskylde|lyve)|du ved (?:udmærket|jo udmærket)|du ved (?:jo )?godt selv,? at det|give (?:alle )?andre skylden|skyde skylden|hvad havde du regnet med|hvor mange gange skal|det sagde du også|du siger altid|nu leder du|leder (?:du )?(?:bare )?efter (?:undskyldninger|grunde)|tror du (?:selv )?på det|tror du virkelig|det kan du (?:jo )?ikke vide|sådan kan det ikke blive ved|jeg er (?:lidt |ret |meget )?skuffet|der er ikke registreret|du har jo selv|du har selv valgt|det har du selv|det tror jeg ikke på|det holder ikke|mennesker som dig|folk som dig|det er misbruget,? der taler|du lyver|du sagde det samme (?:for|sidst|sidste)|du (?:ikke )?vil (?:ikke )?indrømme|tage dig sammen|du er (?:jo |bare )?ikke ærlig|du snyder (?:kun )?dig selv|(?:så )?du synes,? (?:altså )?(?:at )?det er (?:i orden|okay|ok|fint|helt fint) at|(?:sådan )?en som dig|burde vide bedre|skam dig|burde skamme dig|kun dig selv at takke|dit eget problem|tage konsekvensen|det siger de alle|jeg har hørt det før|du må (?:nu )?indse|ikke mit problem|nu hører du efter|hør nu her|det er (?:altså |bare )?ikke (?:okay|ok|i orden|acceptabelt) at|nægter at (?:indse|se)|(?:ikke )?vil se (?:det|sandheden) i øjnene)\b",
     N_("challenges the client's honesty or argues ('{m}'): confront")),
    ("CONF", 5.0, r"^(?:(?:nej,? )?det (?:passer|er) (?:da |bare |altså |jo )?ikke(?: rigtigt| sandt)?$|nej,? (?:det|du|jeg)|jo,? (?:det|du) (?:gør|er|har|kan)|virkelig\s*[?!]|seriøst\s*[?!])",
     N_("disagrees with what the client said ('{m}'): confront")),
    ("CONF", 5.0, r"^(?:vil|har|skal) du (?:virkelig |overhovedet |egentlig |helt )?(?:ende|lyst til at ende|tænkt dig at ende|miste|smide|ødelægge|dø|tilbage i fængsel)\b|^(?:vil|har|synes|tror) du virkelig\b|^er du (?:slet )?ikke ligeglad|^hvorfor (?:bliver du ved med at (?:lyve|snyde|skjule|give andre)|lyver du|skal du altid)",
     N_("a question that shames ('{m}'): confront")),
    # ---- Persuade: advice, warnings, arguments, directives, without permission
    ("PERS", 4.5, r"\b(?:(?<!hvis )du (?:bør|burde|skal (?:bare|altså|simpelthen|virkelig|nu|helst|absolut|endelig) \w+|skal (?:ikke )?(?:stoppe|holde op|lade være|droppe|skære ned|huske|sørge for|begynde|starte|søge|ringe|snakke med|slette|smide|passe på)\b|må (?!gerne|godt|selv|have|være|kunne|da)\w+|(?:er|bliver) (?:simpelthen |altså |bare |virkelig |nu )?nødt til|skulle (?:bare |virkelig |måske )?(?:prøve|tage|overveje|tænke over|sige|stoppe|holde op|skære|ringe|gå|droppe|lade)\b)|(?:så|derfor|nu|det|dem|den) (?:skal|bør|må) du\b|jeg (?:synes|mener|tænker|tror),? (?:altså |virkelig )?(?:at )?du (?:skal|bør|burde|skulle|må)|(?:synes|mener|tænker|tror) jeg,? (?:at )?du (?:skal|bør|burde|skulle|må)|jeg vil (?:gerne |kraftigt |varmt )?(?:råde|anbefale|opfordre) dig|jeg (?:råder|anbefaler|opfordrer) dig|jeg vil anbefale|mit råd|min anbefaling|det bedste,? du kan gøre|det eneste rigtige|det (?:er|bliver) (?:vigtigt|afgørende|nødvendigt|meget vigtigt),? at du|sørg for at|husk,? (?:nu )?at(?! du (?:altid |også )?kan)|der er ingen anden vej|hvis jeg var dig|i dine sko|du ville have (?:meget |rigtig )?godt af|du ville have det (?:meget |langt |rigtig )?bedre|det ville være (?:meget |langt |rigtig )?(?:bedre|klogere|sundere|nemmere|smartere)|det er på (?:høje|høj) tid|tro mig|stol på mig|for din egen skyld|lad (?:nu )?være med at|det er lige noget for dig|det burde du|prøv nu|du kan ikke bare|du må ikke|du skal ikke)\b",
     N_("'{m}' tells the client what to do without asking permission: persuade")),
    ("PERS", 4.0, r"\b(?:hvis du (?:bliver ved|fortsætter|ikke (?:stopper|holder op|gør noget|tager)|bliver ved med)|fortsætter du sådan|ender du (?:med|i|på)|du ender (?:med|i|på)|du kommer til at (?:miste|fortryde|ødelægge|ende|dø|skade)|du risikerer at|det (?:vil|kommer til at) (?:gå galt|blive værre|koste dig|ødelægge)|så går det galt|det ender galt|hvis du ikke (?:møder op|kommer|dukker op|stopper|holder op)|kan dine \w+ blive (?:stoppet|frataget|inddraget))\b",
     N_("warns of what will happen ('{m}'): persuade")),
    ("PERS", 4.0, r"^(?:hvorfor (?:ikke|prøver du ikke|gør du ikke|lader du ikke|stopper du ikke|tager du ikke|går du ikke|holder du ikke|skærer du ikke)|hvad med at|hvad med om du|hvad hvis du (?:bare|prøvede)|kunne du ikke|kan du ikke (?:bare|prøve)|burde du ikke|skulle du ikke|bør du ikke|har du (?:nogensinde )?(?:overvejet|tænkt på|tænkt over) (?:bare |måske |evt\.? )?at|er det ikke på tide|ville det ikke være|synes du ikke (?:selv )?(?:at )?(?:du|det)|tror du ikke,? (?:at )?(?:det|du) (?:ville|vil|kunne|skulle|burde))",
     N_("advice in the form of a question ('{m}'): persuade")),
    ("PERS", 3.5, r"^(?:prøv|stop|hold op|drop|tag|lad være|husk(?!,? at du (?:altid |også )?kan)|sørg for|skær ned|drik|spis|gå|ring|kontakt|brug|smid|slet|sæt|få|start|begynd|undgå|skriv|tænk|lov mig|giv|skift|meld dig|køb|læg|spring|find|hent|søg|bestil|glem)\b(?! (?:mig|os|lige|plads|at (?:fortælle|beskrive|forklare|sætte ord))\b)",
     N_("an instruction ('{m} ...'): persuade")),
    ("PERS", 3.0, r"\b(?:du ved (?:jo |godt |udmærket )?(?:godt,? )?at (?:\w+ ){0,6}(?:er|bliver|gør) (?:\w+ )?(?:skadeligt|farligt|usundt|dårligt|værre)|jeg (?:henviser|sender) dig|det er derfor,? (?:du|din|dit)|tænk på (?:dine|din|dit|børnene)|jeg har set mange (?:\w+ ){0,4}(?:få|klare|komme)|jo (?:før|længere|mere|mindre|tidligere) (?:du|man)|desto|det er (?:rigtig |meget |virkelig )?(?:farligt|skadeligt|usundt|uansvarligt|dumt)|det (?:ville|vil|kunne|kan) (?:nok |måske |helt sikkert |klart )?være (?:en )?(?:god|klog|smart|fornuftig) idé|det er en god idé at|(?:jeg vil|jeg ville|jeg) (?:gerne |kraftigt )?foreslå|mit forslag (?:er|vil være)|det (?:er|ville være) bedst,? (?:hvis|at) du|det bedste er at|det (?:vil|ville|er) (?:nok |helt sikkert )?(?:være )?bedst for dig|(?:ville|vil) jeg (?:nok |helt klart )?(?:droppe|stoppe|holde op|skære ned|lade være|vælge|prøve)|jeg ville (?:nok |helt klart )?(?:droppe|stoppe|holde op med|skære ned|lade være|vælge|prøve)|du kunne (?:jo |bare |altid )+\w+|jeg vil (?:gerne )?have,? at du|jeg siger det for din egen skyld)\b",
     N_("pushes a solution or an argument ('{m}'): persuade")),
    # ---- Persuade with permission: advice with the client's choice built in
    ("PWP", 5.0, r"\b(?:måske (?:passer det|er det) (?:ikke )?(?:til|for) dig|passer (?:det )?måske ikke (?:til|for) dig|det (?:her )?passer måske ikke|det er ikke sikkert,? (?:at )?det passer|ikke sikkert,? (?:at )?det er noget for dig|det er ikke for alle|ikke noget for alle|tag det,? du kan bruge|hvis det (?:giver mening|passer|lyder|virker) (?:for|til|ind)|hvis det passer ind|hvis du har lyst|hvis du er interesseret|det er (?:kun|bare) et forslag|bare et forslag|du må gerne sige (?:nej|fra)|sig endelig,? hvis|for hvad det er værd|der er (?:flere|forskellige|et par|nogle|mange) (?:muligheder|måder|veje)|en mulighed (?:er|kunne være)|én mulighed|nogle vælger|andre (?:vælger|skærer|gør)|om det giver mening(?: for dig)?|hvis det (?:lyder|virker) (?:som )?(?:noget|interessant|brugbart)|(?:om|hvis) det er noget for dig|(?:jeg )?ved ikke,? om det (?:passer|er noget|giver mening))\b",
     N_("'{m}' offers advice while leaving the choice to the client: persuade with permission")),
    ("PWP", 2.5, r"\b(?:nogle|mange|andre|flere)(?: af dem,? jeg (?:taler|snakker) med| af mine (?:klienter|borgere|patienter|brugere)| (?:mennesker|folk|borgere|patienter|forældre|unge|klienter))?\b(?= (?:\w+ ){0,3}(?:finder|har haft|oplever|prøver|bruger|vælger|synes|gør|skærer|stopper|starter|har gode erfaringer|har fundet|har fået|har brugt|har prøvet))|(?:har haft|har) (?:gavn|glæde|god effekt) af",
     N_("'{m} ...' offers what has worked for others: advice; with choice left open it is persuade with permission")),
    # ---- Seeking collaboration: permission, the client's agenda, ideas and expertise
    ("SEEK", 5.0, r"^(?:er det (?:i orden|okay|ok|fint|all right),? (?:at|hvis) (?:jeg|vi)|vil det være (?:i orden|okay|ok),? (?:at|hvis)|ville det være (?:i orden|okay|ok|en hjælp|nyttigt),? (?:at|hvis)|må jeg (?:godt |lige )?(?:fortælle|dele|komme med|give|foreslå|sige|nævne|vise|byde ind|tilføje|forklare)|kan jeg (?:godt |lige )?(?:fortælle|dele|komme med|give|foreslå|nævne|vise|tilføje)|kunne jeg (?:fortælle|dele|komme med|give|foreslå)|har du noget imod,? at jeg|vil du (?:gerne )?(?:høre|vide|have,? at jeg)|har du lyst til at (?:høre|vide)|er du (?:okay|ok|med på),? (?:at|hvis) jeg)\b|\b(?:med din tilladelse|hvis det er i orden med dig|hvis du er okay med det)\b",
     N_("asks the client's permission ('{m}'): seeking collaboration")),
    ("SEEK", 4.5, r"\b(?:hvad vil du (?:gerne )?(?:have,? at vi|tale om|snakke om|bruge tiden på|starte med|have ud af (?:i dag|dagen|samtalen|det her|vores|tiden|mødet|forløbet))|hvad skal vi (?:bruge tiden på|tale om|starte med)|hvor vil du (?:gerne |helst )?(?:starte|begynde)|hvad er vigtigst for dig at (?:tale|snakke|få)|hvad der er vigtigst for dig|du er (?:jo )?(?:eksperten|ekspert)|du kender (?:dig selv|dit (?:eget )?liv|din (?:egen )?krop|dine børn|din situation|din hverdag) (?:bedre|bedst)|bedre end (?:nogen anden|mig|jeg)|du ved (?:jo )?(?:selv )?bedst|(?:finde ud af|se på|kigge på|tænke over|lægge en plan|lægger en plan|lave en plan|laver en plan|arbejde med|finde en løsning) (?:\w+ ){0,2}sammen|sammen (?:finde|se|kigge|lægge|tænke|arbejde)|lad os (?:finde ud af|se på|kigge på|tænke)|hvordan kan jeg (?:hjælpe|være til hjælp)|hvad er dine (?:egne )?(?:idéer|ideer|tanker) (?:til|om)|dine (?:egne )?idéer|jeg vil (?:gerne )?høre,? (?:hvad du|din|dine)|(?:jeg vil gerne|jeg kunne godt tænke mig at|jeg har lyst til at) høre,? hvad du selv|din dagsorden|er (?:nu|det) et godt tidspunkt|hvad ville være (?:mest )?(?:nyttigt|hjælpsomt|brugbart|vigtigt) for dig at (?:få ud af|tale om|snakke om)|hvad (?:tænker|synes|mener) du(?: selv)?,? (?:at )?vi (?:skal|bør|kan)|(?:vil|ville) jeg (?:gerne )?høre,? (?:dine|din|hvad du)|(?:du|dig,? der) kender (?:\w+ ){1,3}(?:bedre|bedst)|^skal vi (?:se|kigge|tage|tale|snakke) (?:på|om)|hvad har du brug for fra mig|hvordan kan jeg bedst|er det (?:okay|ok|i orden|fint) (?:med|for) dig)\b",
     N_("'{m}' shares control of the conversation with the client: seeking collaboration")),
    # ---- Emphasising autonomy
    ("EMPH", 5.5, r"\b(?:(?:det er|er) (?:helt |fuldstændig |altid |stadig |i sidste ende |jo |selvfølgelig )?(?:din (?:egen )?beslutning|dit (?:eget )?valg|op til dig)|det er (?:jo )?dig,? der (?:bestemmer|beslutter|vælger|afgør)|er det dig,? der (?:bestemmer|beslutter|vælger|afgør)$|det er (?:jo )?(?:dit (?:eget )?liv|din (?:egen )?krop)|(?:helt |fuldstændig )?op til dig|det bestemmer du|du bestemmer(?: selv)?|du vælger selv|du beslutter selv|kun du kan|ingen (?:andre )?(?:end dig )?kan (?:bestemme|tvinge|tage den|gøre det for dig|vælge|afgøre)|dig,? der (?:skal )?(?:bestemme|vælge|beslutte|afgøre)|dig,? der (?:sidder med|har|træffer) (?:beslutningen|valget|afgørelsen)|beslutningen er din|valget er dit|det er (?:helt )?din egen sag|du har (?:altid )?et valg|jeg kan ikke (?:bestemme|vælge|beslutte|tage det|gøre det) for dig|det kan jeg ikke (?:bestemme|tage fra dig)|jeg (?:vil|skal) ikke (?:tvinge|presse|bestemme)|i dit eget tempo|på dine (?:egne )?præmisser|uanset hvad du (?:vælger|beslutter)|hvis og når du|du behøver ikke (?:at )?(?:beslutte|bestemme|gøre|ændre|tage stilling)|din ret til at|du har ret til at (?:bestemme|sige nej|vælge|sige fra))\b",
     N_("'{m}' puts the decision with the client: emphasising autonomy")),
    ("EMPH", 4.8, r"\b(?:du kan (?:altid |bare |godt )?sige (?:nej|fra)|du (?:kan|må) selv (?:vurdere|vælge|bestemme|mærke efter|se|finde ud af)|du finder selv ud af|det må du selv (?:vurdere|bestemme|finde ud af))\b",
     N_("'{m}' puts the decision with the client: emphasising autonomy")),
    # ---- Affirm: a genuine, specific strength or effort
    ("AF", 5.0, r"\b(?:det (?:kræver|krævede|har krævet|må have krævet|tager|tog) (?:virkelig |meget |en del |noget |sin |stor |en masse )?(?:mod|styrke|vilje|viljestyrke|gåpåmod|ærlighed|indsats|noget af en|mange kræfter|kræfter|disciplin|tålmodighed|overvindelse)|det står der respekt (?:om|af)|godt gået|godt klaret|flot (?:klaret|gået|arbejde|gjort)|flot,? at du|stærkt (?:gået|klaret|gjort|af dig)|^(?:godt|dejligt|fint|skønt|fedt),? at du|det er (?:virkelig |rigtig |så )?(?:stærkt|flot|sejt|modigt|imponerende|godt gået|godt klaret)(?: gjort)?,? at du|(?:gjort|lagt|ydet) (?:en )?(?:stor|kæmpe|flot|god|ordentlig|imponerende) indsats|tak,? fordi du (?:er|fortæller|deler|siger|har|vil)|tak for (?:din ærlighed|at du)|du (?:kan|må) være stolt|du skal have (?:ros|kredit|cred)|du har (?:virkelig |allerede |selv |jo )?(?:kæmpet (?:for|hårdt|dig)|knoklet|holdt fast|holdt ud|formået|klaret (?:det|at|dig)|arbejdet hårdt|skåret ned|taget (?:det første|et stort|et vigtigt|ansvar))|du tog selv|du gav ikke op|du holdt fast|du er (?:en|typen),? der|du er (?:virkelig |meget |så |rigtig )?(?:modig|stærk|ærlig(?! (?:over for|overfor|med) dig)|vedholdende|omhyggelig|grundig|stabil|ansvarlig|dygtig|omsorgsfuld|en kæmper|en fighter|sej)|du (?:passer|tager) (?:rigtig |virkelig )?godt (?:på|vare på)|du tager (?:dit helbred|det|det her|dine børn|ansvar) (?:alvorligt|seriøst)|du er (?:rigtig |virkelig |så |meget )?(?:god|dygtig) til at|det (?:må have krævet|har krævet|krævede|kræver) (?:en del|noget|meget|sit|sin)\b|det siger (?:noget|meget) (?:godt )?om,? (?:dig|hvor|at du|hvem|hvad)|det fortæller (?:noget )?om (?:en|dig)|ikke alle (?:ville|kan|gør|tør|har)|klogt (?:tænkt|gjort|af dig)|godt tænkt|klog beslutning|det var (?:en )?(?:rigtig |virkelig )?(?:god|klog|smart) idé|din egen idé|du har gjort det (?:rigtig |virkelig |så |utrolig )?(?:godt|flot|fint|fantastisk|super)|at du er (?:en )?(?:virkelig |meget |rigtig )?(?:omsorgsfuld|ansvarlig|stærk|modig|dygtig|kærlig|engageret|vedholdende|handlekraftig|reflekteret)|du viser (?:stor |virkelig )?(?:styrke|vilje|mod|ansvar|omsorg)|det viser,? at du (?:er|kan|har|tager|vil)|du har været (?:utrolig |meget |virkelig )?(?:modig|stærk|vedholdende|ærlig)|jeg er (?:virkelig |rigtig |meget )?imponeret|imponerende|hatten af|helt af dig selv|helt på egen hånd|uden at nogen (?:bad|sagde)|et stort skridt|et vigtigt skridt|en stor sejr)\b",
     N_("recognises a strength or effort of the client's ('{m}'): affirm")),
    # ---- Giving information: facts, results, explanations
    ("GI", 3.0, r"\b(?:forskning(?:en)? (?:viser|tyder)|undersøgelser (?:viser|tyder)|studier viser|sundhedsstyrelsen|anbefaler (?:højst|maks|max|at man)|anbefalingen?|retningslinjer(?:ne)?|genstande? (?:om|på en|i) (?:ugen|dagen|døgnet)|\d+(?:[.,]\d+)? ?(?:genstande|mg|ml|gram|kilo|kg|procent|%|promille|mmol|timer|dage|uger|måneder)|\d+ over \d+|procent|i gennemsnit|som regel (?:efter|i|på|mellem)|typisk (?:\w+ )?(?:efter|i|på|mellem|otte|seks|to|tre|fire|fem|nogle)|det er (?:helt )?(?:gratis|anonymt?|fortroligt|normalt|almindeligt)|er (?:gratis|anonym|fortrolig)|tavshedspligt|du (?:altid |også |bare )?kan (?:altid |også |bare )?(?:få|ringe|bestille|hente|finde|søge|booke|kontakte|melde dig|henvende dig|læse)|man kan (?:få|ringe|bestille|hente|finde|søge|følge|kontakte|melde sig|henvende sig|læse)|man (?:får|er|skal|må)|(?:dine?|de) (?:prøver|prøvesvar|tal|værdier|levertal|blodprøver|resultater) (?:viser|er|var|ligger)|(?:prøven|prøverne|prøvesvaret|blodprøven|urinprøven|testen|scanningen|blodtrykket|blodsukkeret|langtidsblodsukkeret|levertallene|kolesterolet|blodprøve|urinprøve)\b(?: \w+){0,3}? (?:viser|er|var|kom|er kommet|ligger|lå|steg|faldt)|ligger (?:over|under|på|lige)|har åbent|åben (?:på|fra|hver|alle)|hver (?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)|(?:mandag|tirsdag|onsdag|torsdag|fredag)s? ?(?:eftermiddag|aften|formiddag)|uden tidsbestilling|det betyder,? at|hvilket betyder|virker ved,? at|gratis|promille|i timen|øger risikoen|risikoen for|kan (?:give|føre til|medføre|skade|påvirke|forårsage)|bivirkning\w*|abstinens\w*|(?:topper|aftager|forsvinder|varer) (?:som regel |typisk |normalt )?(?:efter|i|på)|det ser vi (?:tit|ofte)|det er (?:mit job|min pligt)|jeg (?:skal|er nødt til at|er forpligtet til at|har pligt til at) (?:notere|skrive|registrere|indberette|give|oplyse|melde)|forpligtet til|pligt til at|(?:bliver|er)(?: siddende)? i kroppen|vilkårene|brud på|loven|reglerne|der findes|der er (?:en|et) (?:app|gruppe|tilbud|hjemmeside|telefonlinje|rådgivning|kursus|forløb|pjece)|kommunen (?:har|tilbyder|kan)|de fleste (?:sover|oplever|får|mærker|har)|(?:dæmper|øger|sænker|hæmmer|forstærker|påvirker|belaster|nedsætter|hæver|reducerer) (?:risikoen|vejrtrækningen|blodtrykket|blodsukkeret|forbrændingen|appetitten|søvnen|søvnkvaliteten|effekten|virkningen|leveren|hjertet|kroppens|centralnervesystemet|hukommelsen|koncentrationen|immunforsvaret|fertiliteten)|farlig kombination|(?:ude|ud) af kroppen|jeg kan se i (?:journalen|din journal|din sag|sagen|papirerne|systemet)|klokken \d+|(?:på|uden) recept|i håndkøb|receptpligtig|ifølge|det er sådan,? at|der er (?:en )?(?:øget |stor |høj )?risiko for|mange (?:oplever|får|mærker)|det tager (?:typisk |normalt |cirka |omkring |som regel )?(?:\w+ )?(?:dage|uger|måneder|timer|minutter)|cirka|ca\.|mellem \d+ og \d+|op til \d+|vi kan tilbyde|behandlingen (?:varer|tager|består)|du har (?:krav|ret) på)\b",
     N_("gives facts or an explanation ('{m}'): giving information")),
    ("GI", 3.0, r"^(?:din|dit|dine) (?:\w+ ){0,2}(?:blodprøve|urinprøve|prøve|prøver|prøvesvar|blodtryk|blodsukker|langtidsblodsukker|levertal|kolesterol|resultater|værdier|vægt|bmi|puls)\w*(?: \w+){0,3}? (?:viser|er|var|ligger|lå|steg|faldt|kom)\b",
     N_("gives facts or an explanation ('{m}'): giving information")),
    ("GI", 3.0, r"^(?:din|dit|dine|leveren|kroppen|lungerne|hjertet|hjernen|blodtrykket|tænderne|tandkødet|søvnen) (?:\w+ )?(?:kan|vil|bliver|begynder|plejer|har brug for) (?:komme sig|hele|blive bedre|tage tid|restituere|falde|gro)\b",
     N_("gives facts or an explanation ('{m}'): giving information")),
    ("GI", 2.5, r"^(?:samtalen|samtalerne|misbrugscentret|jobcentret|kommunen|klinikken|rådgivningen|gruppen|forløbet|kurset|appen|tilbuddet|stoplinjen|plastrene|plasteret|tyggegummiet|medicinen|tabletterne|pillerne|fysioterapeuten|lægen|tandlægen|sygeplejersken|hash|alkohol|nikotin|snus|cannabis|kokain|amfetamin|nikotinplastre|nikotintyggegummi|a-kassen|praktikken|en virksomhedspraktik)(?: \w+){0,3} (?:kan|giver|hjælper|virker|tager|koster|dækker|indeholder|sender|tilbyder|laver|varer|er (?:gratis|åben|anonym))\b",
     N_("says how a service, a rule or a treatment works ('{m}'): giving information")),
]

#: Words too common to show what a reflection took from the client's line.
STOPWORDS = frozenset(
    """og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi
    min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle
    vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også
    under have dig anden hende mine alt meget sit sine mod disse hvis din dit dine nogle hos blive
    mange bliver hendes været jer sådan altså ja øh lige bare godt så kan får fik gør gjorde mere
    lidt sige sagde siger hvordan hvorfor hvornår hvem hvilke hvilken hvilket helt rigtig okay nå
    måske faktisk egentlig vel jo også""".split()
)

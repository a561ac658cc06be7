"""English cue patterns, one list per event type: the language of diplomatic and defence reporting.

Each rule is ``(name, pattern)``; the name is written to the ``rule`` column so a reader sees why a row
exists. Patterns use bounded word gaps only (``gap(n)``), never nested open quantifiers, so no input makes
them backtrack catastrophically. Arguments (who did what to whom, when) are found by the shared engine in
:mod:`analysis.extract.engine`, not here.
"""

from __future__ import annotations

import re

from analysis.common.matching import ci, pivot
from analysis.extract.actors import TITLE_EN as TITLE

LANG = "en"


def gap(n: int) -> str:
    """Up to ``n`` intervening words between two cue words (word characters and separators are disjoint)."""
    return rf"\W+(?:\w+\W+){{0,{n}}}"


def rx(pattern: str):
    """Case-insensitive; matches return offsets into the text as given (see analysis.common.matching)."""
    return ci(pattern)


G = gap
#: A place written as a proper noun ("Israel", "the Western Wall", "N'Djamena"); the gazetteer decides whose.
PLACE = r"(?:the\s+)?(?-i:[A-Z])[\w'’.-]+"
PLACE_HINT = (
    r"(?:Israel|Ecuador|Jerusalem|Quito|Tel\s+Aviv|Guayaquil|the\s+Jewish\s+state|the\s+Holy\s+Land|"
    r"the\s+Western\s+Wall|the\s+Knesset|Yad\s+Vashem|the\s+country|Carondelet)"
)
OFFICE = (
    r"(?:embass(?:y|ies)|consulates?|offices?|cent(?:er|re)s?|missions?|representations?|legations?|hubs?)"
)
ARMS = (
    r"(?:weapons?|weaponry|arms|armaments?|aircraft|jets?|fighters?|fighter\s+planes|Kfirs?|helicopters?|"
    r"mortars?|transport\s+planes|Aravas?|"
    r"missiles?|drones?|UAVs?|unmanned\s+aerial|radars?|rifles?|Galils?|Tavors?|ammunition|munitions|"
    r"defen[cs]e\s+(?:products|equipment|systems|materiel|technology|hardware)|military\s+(?:equipment|"
    r"hardware|materiel|technology|vehicles|systems)|patrol\s+boats?|artillery|armou?red\s+vehicles|"
    r"surveillance\s+systems?|cyber\s*security\s+systems|interceptors?|air\s+defen[cs]e|"
    r"body\s+armou?r|tactical\s+vehicles|riot[- ]control\s+vehicles)"
)
MIL = (
    r"(?:military|armed\s+forces|army|navy|naval|air\s+force|police|troops|units|soldiers|officers|"
    r"special\s+forces|elite|counter-?\s?terrorism|anti-?\s?terrorism|security\s+forces|commandos|marines|"
    r"defen[cs]e|intelligence|cyber\s*(?:security|defen[cs]e)?|counter-?\s?narcotics|anti-?\s?drug|"
    r"combat|tactical)"
)
SEC = r"(?:security|defen[cs]e|military|intelligence|counter-?\s?terrorism|cyber\s*(?:security|defen[cs]e)?|police)"

RULES: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "visit_cancelled": [
        (
            "cancel_visit",
            rx(
                r"\b(?:cancel(?:l?ed|l?ing|s)?|call(?:ed|s|ing)?\s+off|scrap(?:ped|s)?|"
                r"postpon(?:ed|es|ing)|suspend(?:ed|s)?|abort(?:ed|s)?|axed|shelved)"
                + G(6)
                + r"(?:visit|trip|tour|travel|journey)s?\b"
            ),
        ),
        (
            "visit_then_cancel",
            rx(
                r"\b(?:visit|trip|tour|travel|journey)s?\b"
                + G(18)
                + r"(?:cancel(?:l?ed|s)?|called\s+off|scrapped|postponed|was\s+suspended)\b"
            ),
        ),
        (
            "scheduled_then_cancel",
            rx(
                r"\b(?:scheduled|due|planned|set|expected)\s+to\s+(?:visit|travel|tour)"
                + G(16)
                + r"(?:cancel(?:l?ed|s)?|called\s+(?:it\s+)?off|scrapped|"
                r"postponed)\b"
            ),
        ),
    ],
    "visit": [
        ("visit_verb_place", rx(r"\b(?:visit(?:s|ed|ing)?|toured|tours|touring)\s+(?:to\s+)?" + PLACE)),
        (
            "visited_by",
            pivot(
                r"\b",
                r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+",
                r"\bvisited\b",
                optional=False,
                lowered=True,
            ),
        ),
        ("visit_of_official", rx(r"\b(?:visit|trip)\s+(?:of|by)\s+")),
        (
            "consultations_in",
            rx(
                r"\b(?:held|hold|holds|holding|conducted|conduct)\s+(?:\w+\s+){0,5}?(?:consultations|talks|"
                r"meetings)\s+in\s+" + PLACE
            ),
        ),
        (
            "visit_noun_to_place",
            rx(
                r"\b(?:visit|trip|tour|journey|travel|mission|delegation)s?\s+"
                r"(?:\w+\s+){0,2}?(?:to|in)\s+" + PLACE
            ),
        ),
        (
            "visit_noun_qualified",
            pivot(  # anchored on "visit": "three-day" can open it, and that cannot be a trigger word
                r"\b",
                r"(?:official|state|working|first|historic|high-level|presidential|"
                r"ministerial|bilateral|\w+-day|landmark|recent|his|her|their)\s+"
                r"(?:(?:official|state|working|first|historic|high-level|presidential|"
                r"\w+-day|Israel|Ecuador)\s+){0,2}",
                r"\b(?:visit|trip)\b",
                optional=False,
                lowered=True,
            ),
        ),
        (
            "place_visit",
            pivot(
                r"\b",
                r"(?:Israel|Ecuador|Jerusalem|Quito)\s+",
                r"\b(?:visit|trip)\b",
                optional=False,
                lowered=True,
            ),
        ),
        (
            "arrival",
            rx(
                r"\b(?:arriv(?:ed|es|al|ing)|landed|lands)\s+(?:here|in\s+" + PLACE + r")|"
                r"\btouch(?:ed|es|ing)?\s+down\s+(?:at|in)\s+" + PLACE
            ),
        ),
        (
            "host_welcomed",
            rx(
                r"\b(?:welcomed|welcomes|welcoming|(?<=\bto\s)welcome|received|receives|hosted|hosts|hosting|"
                r"greeted|greets)\b"
            ),
        ),
        (
            "meeting_in_place",  # "At a meeting in Jerusalem, Ecuador's president and ..." (issue 17)
            rx(r"\b(?:meeting|talks|summit|encounter)\s+(?:held\s+)?in\s+" + PLACE_HINT),
        ),
        (
            "leaders_met",
            rx(r"\b(?:met|meets|meeting(?=\s+with)|held\s+talks\s+with|talks\s+with)\b(?:\s+with)?"),
        ),
    ],
    "office_opening": [
        (
            "open_office",
            rx(
                r"\b(?:open(?:ed|s|ing)?|inaugurat(?:e|ed|es|ing|ion)|launch(?:ed|es|ing)?|"
                r"establish(?:ed|es|ing|ment)?|set(?:s|ting)?\s+up|unveil(?:ed|s|ing)?|"
                r"mov(?:e|ed|es|ing)|relocat(?:e|ed|es|ing|ion)|transfer(?:red|s)?)" + G(7) + OFFICE + r"\b"
            ),
        ),
        (
            "office_opens",
            rx(
                r"\b" + OFFICE + G(3) + r"(?:opens|opened|is\s+opened|was\s+opened|inaugurated|"
                r"was\s+inaugurated|will\s+open)\b"
            ),
        ),
        ("office_diplomatic_status", rx(OFFICE + r"\s+with\s+diplomatic\s+status\b")),
    ],
    "arms_purchase": [
        (
            "buy_arms",
            rx(
                r"\b(?:b(?:uy|ought|uys|uying)|purchas(?:e|ed|es|ing)|acquir(?:e|ed|es|ing)|"
                r"acquisitions?|procur(?:e|ed|es|ing|ement)|order(?:ed|s)?|import(?:ed|s|ing)?|"
                r"deliver(?:ed|ies|y|s|ing)?|s(?:old|ell|ells|elling|ales?)|suppl(?:y|ied|ies|ier)|"
                r"customer|contracts?|deals?|t(?:ook|aken|akes|aking)\s+delivery|field(?:ed|s|ing)|"
                r"receiv(?:e|ed|es|ing)|commission(?:ed|s|ing)|induct(?:ed|s|ing)|pa(?:id|ys?|ying)\s+for)"
                + G(10)
                + ARMS
                + r"\b"
            ),
        ),
        (
            "arms_bought",
            rx(
                r"\b" + ARMS + G(8) + r"(?:bought|purchased|acquired|ordered|delivered|sold|"
                r"supplied|imported)\b"
            ),
        ),
        ("arms_amount", rx(r"\$\s?\d[\d.,]*\s*(?:million|billion|m|bn)?\s+(?:worth\s+of\s+|in\s+)?" + ARMS)),
    ],
    "military_cooperation": [
        (
            "training",
            rx(
                r"\b(?:train(?:ing|ed|s)?|courses?|instruct(?:ion|ors?|ed)|drills?|exercises?)\b"
                + G(6)
                + MIL
                + r"\b"
            ),
        ),
        (
            "military_training",
            rx(r"\b" + MIL + G(6) + r"(?:train(?:ing|ed|s)?|courses?|drills?|exercises?)\b"),
        ),
        (
            "security_cooperation",
            rx(
                r"\b" + SEC + r"\s+(?:and\s+\w+\s+)?(?:cooperation|co-operation|ties|"
                r"partnership|alliance|assistance|aid|collaboration|pact|exchanges?|"
                r"agreements?|accords?|memorand(?:um|a)|sharing)\b"
            ),
        ),
        (
            "cooperate_on_security",
            rx(
                r"\bcooperat(?:e|ed|es|ing|ion)\s+(?:\w+\s+){0,3}?(?:on|in|against)\s+"
                r"(?:\w+\s+){0,2}?" + SEC + r"\b"
            ),
        ),
        (
            "provide_assistance",
            rx(
                r"\b(?:provid(?:e|ed|es|ing)|offer(?:ed|s|ing)?|shar(?:e|ed|es|ing)|"
                r"suppl(?:y|ied|ies)|send(?:s|ing)?|sent|lend(?:s|ing)?|lent)\s+(?:\w+\s+){0,3}?"
                r"(?:intelligence|assistance|advisers|advisors|instructors|expertise|"
                r"security\s+(?:assistance|aid|support))\b"
            ),
        ),
        (
            "intel_passive",
            rx(
                r"\bintelligence\b"
                + G(6)
                + r"(?:is|was|are|were|being|been)\s+(?:being\s+)?(?:shared|provided|"
                r"passed|supplied|exchanged)\b"
            ),
        ),
        (
            "assistance_after_attack",
            rx(
                r"\bassist(?:ance|ed)\b" + G(6) + r"(?:cyber\s*-?attacks?|attacks?|"
                r"hack(?:s|ing)?|terroris[mt]\w*|cartels?|gangs?|crime)\b"
            ),
        ),
    ],
    "military_rupture": [
        (
            "end_military_ties",
            rx(
                r"\b(?:cut|cuts|cutting|sever(?:ed|s|ing)?|suspend(?:ed|s|ing)?|"
                r"halt(?:ed|s|ing)?|end(?:ed|s|ing)?|froze|freez(?:e|es|ing)|"
                r"stop(?:ped|s|ping)?|terminat(?:e|ed|es|ing)|broke\s+off|put\s+an\s+end\s+to|"
                r"ban(?:ned|s)?|cancel(?:l?ed|s)?|scrap(?:ped|s)?)"
                + G(4)
                + r"(?:military|defen[cs]e|security|arms|weapons?)\s+(?:ties|cooperation|"
                r"co-operation|relations|deals?|contracts?|purchases?|agreements?|sales?|"
                r"imports?|links|collaboration)\b"
            ),
        ),
        (
            "halt_training",
            rx(
                r"\b(?:suspend(?:ed|s|ing)?|halt(?:ed|s|ing)?|end(?:ed|s)?|stop(?:ped|s)?|froze|"
                r"cancel(?:l?ed|s)?|cut|terminat(?:ed|es))\s+(?:\w+\s+){0,2}?"
                r"(?:military\s+)?(?:training|exchanges|drills|exercises|instruction)\b"
            ),
        ),
        (
            "stop_arms_purchase",
            rx(
                r"\b(?:stop(?:ped|s|ping)?|halt(?:ed|s|ing)?|suspend(?:ed|s|ing)?|"
                r"end(?:ed|s)?|froze|freez(?:e|es|ing)|ban(?:ned|s)?|cancel(?:l?ed|s)?)\s+(?:the\s+|all\s+)?"
                r"(?:purchas(?:e|es)|acquisitions?|imports?|sales?)\s+of\s+(?:\w+\s+){0,5}?" + ARMS
            ),
        ),
    ],
    "diplomatic_ties": [
        (
            "establish_relations",
            rx(
                r"\b(?:establish(?:ed|es|ing)?|restor(?:ed|es|ing)|resum(?:ed|es|ing)|"
                r"re-?establish(?:ed|es|ing)?|normali[sz](?:ed|es|ing)|entered\s+into|"
                r"forged|opened)\s+(?:formal\s+|full\s+)?(?:diplomatic\s+)?(?:ties|relations)\b"
            ),
        ),
        (
            "relations_established",
            rx(
                r"\b(?:diplomatic|formal)\s+(?:ties|relations)"
                + G(6)
                + r"(?:were\s+|was\s+)?(?:established|began|begun|started|restored|"
                r"resumed|date\s+(?:back\s+)?(?:to|from))\b"
            ),
        ),
        ("ties_since", rx(r"\b(?:diplomatic|formal)\s+(?:ties|relations)\s+(?:\w+\s+){0,4}?since\b")),
        ("relations_began", rx(r"\brelations\s+(?:began|started|were\s+established|date\s+back)\b")),
    ],
    "diplomatic_downgrade": [
        (
            "recall_envoy",
            rx(
                r"\b(?:recall(?:ed|s|ing)?|withdr(?:ew|aw|awn|aws)|"
                r"call(?:ed|s|ing)?\s+back|called\s+home|expel(?:led|s)?)"
                + G(5)
                + r"(?:ambassadors?|envoys?|diplomats?|chargé|charge\s+d'affaires|"
                r"heads?\s+of\s+mission)\b"
            ),
        ),
        (
            "envoy_recalled",
            rx(
                r"\b(?:ambassadors?|envoys?)" + G(4) + r"(?:was\s+|were\s+)?(?:recalled|"
                r"called\s+back|withdrawn|expelled)\b"
            ),
        ),
        ("consultations", rx(r"\bcall(?:ed|s|ing)?\s+(?:\w+\s+){0,7}?for\s+consultations?\b")),
        (
            "relations_severed",
            rx(
                r"\b(?:ties|relations)\s+(?:that|which)\s+(?:\w+\s+){0,4}?(?:had\s+)?"
                r"(?:severed|broken|broke\s+off|cut|suspended|downgraded)\b"
            ),
        ),
        (
            "break_relations",
            rx(
                r"\b(?:broke|break(?:s|ing)?|sever(?:ed|s|ing)?|suspend(?:ed|s|ing)?|"
                r"downgrad(?:e|ed|es|ing)|froze|freez(?:e|es|ing)|cut)\s+(?:off\s+)?"
                r"(?:\w+\s+){0,2}?(?:diplomatic\s+)?(?:ties|relations)\b"
            ),
        ),
    ],
    "palestine_recognition": [
        (
            "recognise_palestine",
            rx(
                r"\brecogni[sz](?:e|ed|es|ing|tion)\s+(?:of\s+)?(?:\w+\s+){0,3}?"
                r"(?:Palestin\w*|State\s+of\s+Palestine)"
            ),
        ),
        (
            "embassy_palestine",
            rx(
                r"\b(?:embassy|mission|representation|office)\s+(?:\w+\s+){0,3}?"
                r"(?:in\s+Ramallah|to\s+Palestine|in\s+Palestine)"
            ),
        ),
    ],
    "un_vote": [
        (
            "voted_un",
            rx(
                r"\bvot(?:e|ed|es|ing)\b" + G(8) + r"(?:partition|resolution|U\.?N\.?\b|United\s+Nations|"
                r"General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council)"
            ),
        ),
        (
            "un_body_voted",
            rx(
                r"\b(?:U\.?N\.?|United\s+Nations|General\s+Assembly|Security\s+Council)\b"
                + G(3)
                + r"vot(?:e|ed|es|ing)\b"
            ),
        ),
        (
            "backed_un_plan",
            rx(
                r"\b(?:backed|supported|endorsed|opposed|rejected)\s+(?:the\s+)?(?:U\.?N\.?\s+|United\s+Nations\s+)?"
                r"(?:partition\s+plan|(?:\w+\s+)?resolution)"
            ),
        ),
        ("un_vote_noun", rx(r"\b(?:U\.?N\.?|United\s+Nations|General\s+Assembly)\s+(?:\w+\s+){0,2}?vote\b")),
        ("resolution_number", rx(r"\b(?:UN\s+|United\s+Nations\s+)?Resolution\s+\d{2,4}\b")),
        (
            "un_support",
            rx(
                r"\b(?:support|back)(?:s|ed|ing)?\s+(?:each\s+other(?:'s)?|one\s+another(?:'s)?|\w+)\s+"
                r"(?:\w+\s+){0,2}?(?:at|in)\s+(?:the\s+)?"
                r"(?:U\.?N\.?\b|United\s+Nations|international\s+(?:fora|forums))"
            ),
        ),
        (
            "abstained",
            rx(r"\babstain(?:ed|s|ing)?\b" + G(6) + r"(?:resolution|vot\w*|U\.?N\.?|United\s+Nations)\b"),
        ),
        (
            "abstainers_list",  # needs the UN named in the sentence (analysis/extract/votes.py)
            rx(
                r"\b(?:chose|decided|opted|preferred)\s+to\s+abstain\b|\bamong\s+(?:those\s+)?(?:abstaining|"
                r"the\s+abstentions|the\s+abstainers)\b|\b(?:countries|states|nations|members)\s+(?:that|which|who)\s+"
                r"abstained\b|\babstention\s+at\s+the\b"
            ),
        ),
    ],
    "agreement": [
        (
            "sign_agreement",
            rx(
                r"\b(?:sign(?:ed|s|ing)?|conclud(?:e|ed|es|ing)|negotiat(?:e|ed|es|ing|ion|ions)|"
                r"ink(?:ed|s)?|ratif(?:y|ied|ies)|agreed\s+on|finali[sz](?:e|ed))"
                + G(6)
                + r"(?:agreements?|accords?|treat(?:y|ies)|memorand(?:um|a)|MoUs?|"
                r"conventions?|protocols?|deals?|(?:visa\s+)?waivers?)\b"
            ),
        ),
        ("fta", rx(r"\b(?:free[- ]trade\s+(?:agreement|deal|pact|treaty|talks|negotiations)|FTA)\b")),
        (
            "agreement_signed",
            rx(
                r"\b(?:agreements?|accords?|treat(?:y|ies)|memorand(?:um|a))\b"
                + G(10)
                + r"(?:signed|concluded|ratified|was\s+reached)\b"
            ),
        ),
    ],
    "legislative_action": [
        (
            "caucus",
            rx(r"\b(?:caucus|parliamentary\s+(?:friendship\s+)?(?:group|front|league)|friendship\s+group)\b"),
        ),
        # the same rule: a trigger on every "Israel" would cost more than the rest of the rule set
        ("caucus", pivot(r"\b", r"Israel\s+", r"\bAllies\b", optional=False, lowered=True)),
        (
            "parliament_resolution",
            rx(
                r"\b(?:National\s+Assembly|Congress|parliament|lawmakers|legislators|"
                r"deputies|assembly\s+members|MPs|Knesset|legislature)\b"
                + G(10)
                + r"(?:resolution|declaration|motion|bill|law)\b"
            ),
        ),
        ("declaration_of", rx(r"\bDeclaration\s+of\s+(?:Solidarity|Friendship|Support)\b")),
    ],
    "statement": [],  # found by the speaker/stance logic in extract.py, which needs the whole sentence
}

#: Statements: a speech act by an official, with an evaluative cue toward the other country.
SPEECH = rx(
    r"\b(?:said|says|say|stated|states|told|tells|declared|declares|affirmed|tweeted|wrote|added|"
    r"emphasi[sz]ed|stressed|praised|praising|praises|called|calling|described|hailed|hailing|thanked|"
    r"thanking|expressed|expressing|reaffirmed|underscored|noted|denounced|condemned|condemning|"
    r"criticized|criticised|accused|accusing|lauded|welcomed|explained|insisted|urged|pledged|"
    r"expresses|reiterates|reiterated|condemns|stresses|reaffirms|welcomes|rejects|deplores|deplored|"
    r"regrets|regretted|announced|announces|vowed|promised|assured|congratulated|congratulates)\b"
)
SUPPORT = rx(
    r"\b(?:friend(?:s|ship)?|ally|admir(?:e|ed|es|ation)|solidarity|grat(?:eful|itude)|"
    r"thank(?:ed|s)?|prais(?:e|ed|ing)|commend(?:ed|s)?|congratulat\w*|respect|value|honou?r|"
    r"work\s+together|stand(?:s|ing)?\s+(?:with|by)\s+(?:Israel|Ecuador)|strengthen(?:ing|ed)?|deepen(?:ing|ed)?|step\s+forward|"
    r"significant\s+step|new\s+page|new\s+era|close\s+relations|flourishing|warmth|shared\s+values|"
    r"support(?:s|ed)?\s+(?:for\s+)?(?:Israel|Ecuador)|right\s+to\s+defend|stand\s+with|"
    r"hostages)\b"
)
CRITICISM = rx(
    r"\b(?:condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|criticis(?:e|ed|es)|criticiz(?:e|ed|es)|"
    r"genocide|massacre|aggression|violat(?:e|ed|ion|ions)|apartheid|war\s+crimes|occupation|"
    r"disproportionate|atrocit(?:y|ies)|reject(?:s|ed)?|disappoint(?:ed|ing|ment)|regret(?:s|ted)?|"
    r"deplor(?:e|es|ed|able)|reward\s+for\s+terror\w*|dismay(?:ed)?|outrage[sd]?|protest(?:s|ed)?|"
    r"unjustifiable)\b"
)

#: Condemning terror or Hamas is support for Israel, not criticism of it.
SUPPORT_CONDEMN = rx(
    r"\b(?:condemn\w*|denounc\w*|reject\w*|repudiat\w*)\s+(?:\w+\s+){0,5}?(?:terror\w*|attacks?|Hamas|"
    r"Hezbollah|antisemiti\w*|anti-Semiti\w*|kidnapp\w*|hostage-taking|rocket\s+fire|"
    r"(?:killing|execution|murder|deaths?)\s+of\s+(?:\w+\s+){0,2}?hostages)"
)
#: A clause that denies or rules out what follows it in the sentence: "denied reports that ... would travel".
NEGATION_CLAUSE = rx(
    r"\b(?:denied|denies|deny|dismissed|ruled\s+out|rules\s+out|rejected|rejects|refuted|opposes|"
    r"opposed\s+to)\s+(?:\w+\s+){0,2}?"
    r"(?:reports?|claims?|rumou?rs?|that|any|speculation|suggestions?|plans?)\b"
)
#: Hypotheses and deliberation are not events: "would consider moving", "a trip would be costly".
HYPOTHETICAL = rx(
    r"\b(?:would|could|might|may)\s+(?:\w+\s+){0,1}?(?:consider|be\s+(?:politically\s+)?(?:costly|risky|"
    r"difficult|unlikely|premature|unwise))\b|\b(?:considering|mulling|weighing|studying\s+the\s+"
    r"possibility|if\s+(?:it|he|she|they)\s+were|no\s+decision)\b"
)
#: The cue is the topic of talks, not an act: "met ... to discuss security cooperation".
DISCUSSED = re.compile(
    r"\b(?:to\s+discuss|discussed|discussing|talks\s+on|to\s+explore|to\s+review)\s+(?:\w+\s+){0,2}$", re.I
)
#: Someone with standing to make a visit official.
OFFICIAL = rx(
    r"\b(?:president|minister|foreign\s+minister|prime\s+minister|chancellor|canciller|delegation|envoy|"
    r"ambassador|secretary|official|head\s+of\s+state|vice[- ]president|deputy|king|queen|emir|"
    r"lawmakers?|legislators?|parliamentarians|commander|general|government)\b"
)
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s+$", re.I)
BY_AGENT = re.compile(r"\bby\s+(?:\w+\s+){0,5}?$", re.I)
#: What a host "hosted" that is not a guest.
NOT_A_GUEST = rx(
    r"\b(?:reception|dinner|ceremony|event|party|concert|exhibition|forum|conference|fair|"
    r"summit|celebration|screening|seminar|workshop)\b"
)
#: Countries joined in one subject: "Spain, Ireland and Norway", "Chile and Colombia".
COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)$")
#: Legislatures and the country whose they are, when the name alone says so.
LEGISLATURE = rx(
    r"\b(?:Knesset|National\s+Assembly|Congress|parliament|lawmakers|legislators|deputies|"
    r"assembly\s+members|MPs|legislature|Senate|caucus)\b"
)
#: A country named just before these words is the topic of a caucus, not its owner ("Israel Allies Caucus").
LEGISLATURE_TOPIC_AFTER = re.compile(r"\s*(?:Allies\s+)?(?:[Cc]aucus|[Ff]riendship|[Aa]llies)\b")
LEGISLATURE_COUNTRY = {"knesset": "ISR", "national assembly": "ECU"}

#: Cues that change an event's status; the nearest one before the cue word wins.
CANCELLED = rx(r"\b(?:cancel(?:l?ed|s)?|called\s+off|scrapped|postponed|shelved|aborted)\b")
PLANNED = rx(
    r"\b(?:will|would|shall|'ll|to\s+be|(?:is|are|was|were)\s+(?:set|scheduled|due|expected|going|"
    r"slated|poised|planning|to)|plans?\s+to|planned|planning|intends?\s+to|intention|upcoming|"
    r"aims?\s+to|seeks?\s+to|next\s+(?:week|month|year)|is\s+to|are\s+to|"
    r"decision\s+to|decided\s+to|agreed\s+to)\b"
)
ANNOUNCED = rx(
    r"\b(?:announc(?:e|ed|es|ing|ement)|confirm(?:ed|s)?|pledg(?:e|ed|es)|promis(?:e|ed|es)|"
    r"propos(?:e|ed|al)|negotiat(?:e|ed|ing|ion|ions)|in\s+the\s+process\s+of|discuss(?:ed|es|ing|"
    r"ions?)|talks|offered|indicated|revealed|unveiled\s+plans|dominated)\b"
)
NEGATION = rx(
    r"\b(?:not|n't|never|no|nor|neither|denied|den(?:y|ies)|refus(?:ed|es|e)|reject(?:ed|s)?|"
    r"ruled\s+out|declin(?:ed|es)|without|failed\s+to|instead\s+of|rather\s+than|"
    r"no\s+longer|has\s+yet\s+to|have\s+yet\s+to)\b"
)
#: Words that place an undated past event before the article's time, so it must not take the publication date.
BACKGROUND = rx(
    r"\b(?:former|previous(?:ly)?|predecessors?|then-|once|had\s+(?:been\s+)?\w+ed|in\s+the\s+past|"
    r"historically|ago|during\s+\w+(?:'s)?\s+(?:period|tenure|term|presidency|government|"
    r"administration|rule)|under\s+(?:former\s+)?(?:President\s+)?[A-Z]\w+|decades?|"
    r"since\s+then|at\s+the\s+time)\b"
)
PRESENT = rx(
    r"\b(?:is|are|am|has|have|says|say|support|supports|remain|remains|continues|continue|"
    r"currently|now|today|this\s+week|ongoing)\b"
)

#: Amounts of money: "$30 million", "US$ 1.2 billion", "30 million dollars".
AMOUNT = re.compile(
    r"(?:US\s?\$|USD\s?|\$)\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<u>million|billion|thousand|"
    r"mn|bn|m|k)?\b|\b(?P<n2>\d[\d,]*(?:\.\d+)?)\s*(?P<u2>million|billion|thousand)?\s+"
    r"(?:US\s+)?dollars\b",
    re.I,
)


# --- argument cues used by the shared engine in analysis.extract.engine ---
POSSESSIVE = re.compile(r"^'s?\b")
HE = re.compile(
    r"\b(?:he|she|He|She)\s+(?:said|added|told|stated|noted|stressed|explained|emphasi[sz]ed|"
    r"expressed|thanked|praised|called|also)\b|^(?:He|She)\b"
)
TITLE_COUNTRY = re.compile(
    r"(?P<c>Ecuador(?:ian|ean)?(?:'s)?|Israel(?:i)?(?:'s)?|Palestinian|American|Colombian|U\.S\.)\s+"
    # press style writes titles without a name in lower case: "Israel's foreign minister said"
    r"(?:\w+\s+){0,3}?(?:" + TITLE + r"|president|prime\s+minister|minister|ambassador)"
    r"|(?:Government|Foreign\s+Ministry|Ministry\s+of\s+Foreign\s+Affairs|"
    r"President|Congress|Chancellery|Embassy|embassy|government)\s+of\s+(?:the\s+(?:State|Republic)\s+of\s+)?"
    r"(?P<c2>Ecuador|Israel)"
    # or the country itself as the subject that opens the sentence: "Ecuador rejects any decision ..."
    r"|^(?P<c3>Ecuador|Israel)(?=\s+(?:strongly\s+|firmly\s+)?(?:rejects|condemns|deplores|welcomes|"
    r"reaffirms|reiterates|expresses|supports|regrets|stands)\b)"
)
IN_PLACE = re.compile(
    r"\b(?:in|at|to|into)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+|of\s+|city\s+|capital\s+|"
    r"coastal\s+|campus\s+){0,5}$"
)
FROM = re.compile(r"\bfrom\s+(?:the\s+)?$")
SELL = re.compile(
    r"\b(?:sold|sell|sells|selling|sales?|supplied|supply|supplies|supplier|delivered|deliver|"
    r"deliveries|delivery|provided)\b",
    re.I,
)


#: A cue whose own verb is in the past tense states something that happened, whatever modal precedes it.
PAST_IN_CUE = re.compile(
    # not a participle after a future or infinitive "be": "will be bought", "is to be opened"
    r"(?<!\bwill\sbe\s)(?<!\bto\sbe\s)(?<!\bshall\sbe\s)(?<!\bwould\sbe\s)"
    r"\b(?:opened|inaugurated|signed|visited|launched|established|bought|purchased|"
    r"acquired|recalled|cut|severed|met|held|sent|received|welcomed|hosted|voted|"
    r"recognized|recognised|began|delivered|sold)\b"
)


#: Matched on the lower case ([a-z] there is [A-Za-z] under IGNORECASE): searched in thousands of short windows,
#: where an IGNORECASE alternation of thirty words is three times slower.
PREP = rx(
    r"\b(?:of|from|to|in|at|with|against|by|for|fleeing|toward|towards|into|on|over|about|"
    r"than|like|between|among|housed|near|alongside|besides|including|along\s+with|together\s+with|as\s+well\s+as)\W+(?:[a-z]+\W+)?$"
)
VISIT_VERB_END = re.compile(r"(?:visit(?:s|ed|ing)?|toured)\s+$", re.I)
OFFICE_VERB = re.compile(r"\b(?:open|inaugurat|launch|establish|set|unveil|mov|relocat|transfer)\w*", re.I)
ISRAEL_LEGISLATURE = re.compile(r"\bKnesset\b")
VOTE_AGAINST = re.compile(r"\bagainst\b|\bcondemn", re.I)
VOTE_FOR = re.compile(r"\b(?:for|in\s+favou?r|support)", re.I)
NOT_ONLY = re.compile(r"\s+only\b")

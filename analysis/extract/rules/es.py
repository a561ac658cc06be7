"""Spanish cue patterns, one list per event type: how Spanish-language diplomatic and defence reporting words it.

Written from the registers of wire copy (EFE, AFP en español), Ecuadorian dailies (El Universo, El Comercio,
Primicias), the Cancillería's communiqués and defence magazines: "llamó a consultas a su embajador",
"reconoció al Estado palestino", "visita oficial", "fue recibido por", "inauguró una oficina comercial y
tecnológica en Jerusalén", "adquirió aviones no tripulados", "capacitación de unidades antiterroristas",
"cooperación en materia de seguridad", "firmaron un memorando", "tratado de libre comercio", "votó a favor",
"la Asamblea Nacional aprobó una resolución".

The module mirrors :mod:`analysis.extract.rules.en` attribute for attribute (the shared engine in
:mod:`analysis.extract.engine` reads the same names) and uses the same rule names where the engine gives a rule a
special role (``host_welcomed``, ``leaders_met``, ``visited_by``, ``visit_of_official``, the rules that need an
official in the sentence). Patterns use bounded word gaps only (``gap(n)``), never nested open quantifiers.

Spanish specifics the patterns rely on: accented preterites ("visitó", "firmó") and futures ("visitará") carry
tense; the clitic "se" ("se reunió", "se inauguró"); the personal "a" before a human object ("recibió a Noboa"),
which tells a received guest from received goods; possession after the noun ("la embajada de Ecuador"); and
"no tripulados", "no obstante", "sin embargo", which are not negations.
"""

from __future__ import annotations

import re

from analysis.common.matching import ci

LANG = "es"


def gap(n: int) -> str:
    """Up to ``n`` intervening words between two cue words (word characters and separators are disjoint)."""
    return rf"\W+(?:\w+\W+){{0,{n}}}"


def rx(pattern: str):
    """Case-insensitive; the fast lower-casing kind (:func:`analysis.common.matching.ci`) unless it must see case."""
    return ci(pattern)


G = gap
_UP = "A-ZÁÉÍÓÚÑÜ"
#: A place written as a proper noun ("Israel", "Jerusalén", "el Muro de los Lamentos"); the gazetteer decides whose.
PLACE = r"(?:el\s+|la\s+)?(?-i:[" + _UP + r"])[\w'’.-]+"
PLACE_HINT = (
    r"(?:Israel|Ecuador|Jerusal[eé]n|Quito|Tel\s+Aviv|Guayaquil|el\s+Estado\s+judío|Tierra\s+Santa|"
    r"el\s+Muro\s+de\s+los\s+Lamentos|el\s+Kn[eé]s{1,2}et|Yad\s+Vashem|el\s+país|Carondelet)"
)
#: Job titles of officials (the Spanish counterpart of ``actors.TITLE_EN``).
TITLE = (
    r"(?:[Pp]resident[ea]|[Vv]icepresident[ea]|[Pp]rimer\s+[Mm]inistro|[Jj]efe\s+de\s+Estado|"
    r"[Jj]efe\s+de\s+Gobierno|[Cc]anciller|[Vv]icecanciller|[Mm]inistr[oa](?:\s+de\s+(?:Relaciones\s+"
    r"Exteriores|Defensa|(?:l\s+)?Interior|Asuntos\s+Exteriores|Economía|Agricultura))?|[Vv]iceministr[oa]|"
    r"[Mm]andatari[oa]|[Ee]mbajador(?:a|es)?|[Ee]nviad[oa]|[Cc]ónsul|[Dd]iplomátic[oa]s?|[Ff]uncionari[oa]s?|"
    r"[Pp]ortavoz|[Vv]ocer[oa]|[Gg]obierno|[Cc]ancillería|[Mm]inisterio(?:\s+de\s+(?:Relaciones\s+"
    r"Exteriores|Defensa|Asuntos\s+Exteriores))?|[Aa]sambleístas?|[Dd]iputad[oa]s?|[Ll]egisladore?s?|"
    r"[Pp]arlamentari[oa]s?|Asamblea(?:\s+Nacional)?|Congreso|Parlamento|Fuerzas\s+Armadas|[Ee]jército|"
    r"Armada|Fuerza\s+Aérea|Policía|[Ee]mbajada)"
)
OFFICE = (
    r"(?:embajadas?|consulados?|oficinas?|centros?|misi(?:ón|ones)\s+diplomáticas?|representaci(?:ón|ones)|"
    r"legaci(?:ón|ones)|agregadurías?|sedes?\s+diplomáticas?|hubs?)"
)
ARMS = (
    r"(?:armas?|armamentos?|aviones(?:\s+no\s+tripulados|\s+de\s+combate|\s+caza)?|aeronaves|cazas?|"
    r"cazabombarderos?|Kfir|helicópteros?|misiles?|drones?|UAVs?|vehículos\s+aéreos\s+no\s+tripulados|"
    r"Heron|Hermes|Searcher|Spike|radares?|fusiles?|Galil|Tavor|municiones?|pertrechos|"
    r"equipos?\s+(?:militar(?:es)?|de\s+defensa|bélicos?|de\s+vigilancia)|material(?:es)?\s+(?:bélicos?|"
    r"militar(?:es)?|de\s+defensa)|tecnología\s+(?:militar|de\s+defensa)|sistemas?\s+de\s+(?:defensa|"
    r"vigilancia|armas|ciberseguridad|misiles|radar)|lanchas?\s+(?:patrulleras?|rápidas?|guardacostas)|"
    r"patrulleras?|artillería|blindados|vehículos\s+blindados|interceptores?|defensa\s+aérea|"
    r"productos\s+de\s+defensa|vehículos\s+(?:tácticos|antimotines|militares)|chalecos\s+antibalas|"
    r"cascos\s+balísticos)"
)
#: "seguridad" and "defensa" in their non-military senses.
_NOT_SEC = (
    r"(?!\s+(?:alimentaria|social|vial|jurídica|hídrica|energética|industrial|laboral|ocupacional|"
    r"ciudadana\s+vial|civil|del\s+consumidor|artificial))"
)
MIL = (
    r"(?:militar(?:es)?|naval(?:es)?|marinos|infantes\s+de\s+marina|pilotos\s+militares|Fuerzas\s+Armadas|ejército|Armada|Fuerza\s+Aérea|polic[ií]as?|policiales?|tropas|"
    r"unidades\s+(?:especiales|de\s+élite|tácticas|antiterroristas|antidrogas)|soldados|oficiales|efectivos|"
    r"fuerzas\s+especiales|élite|antiterroristas?|contraterroris\w+|antinarcóticos|antidrogas|"
    r"seguridad" + _NOT_SEC + r"|defensa" + _NOT_SEC + r"|inteligencia" + _NOT_SEC + r"|ciberseguridad|"
    r"ciberdefensa|tácticas?|combate|comandos?|agentes|guardias\s+penitenciarios|Grupo\s+de\s+Intervención)"
)
SEC = (
    r"(?:seguridad" + _NOT_SEC + r"|defensa" + _NOT_SEC + r"|militar(?:es)?|inteligencia" + _NOT_SEC + r"|"
    r"antiterroris\w+|contraterroris\w+|ciberseguridad|ciberdefensa|policial(?:es)?|"
    r"lucha\s+contra\s+el\s+(?:terrorismo|narcotráfico|crimen\s+organizado))"
)
_VISIT_NOUN = r"(?:visitas?|viajes?|giras?)"
_DE_ACUERDO = r"(?<!\bde\s)"  # "de acuerdo con" is "according to", not an agreement

RULES: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "visit_cancelled": [
        (
            "cancel_visit",
            rx(
                r"\b(?:cancel(?:ó|aron|a|an|ar|ará|ara|ación)|suspend(?:ió|ieron|e|en|er|iera)|suspensión\s+de|"
                r"aplaz(?:ó|aron|ar|ara|amiento\s+de)|posterg(?:ó|aron|ar|ara|ación\s+de)|pospus(?:o|ieron)|"
                r"pospon(?:e|en|er)|anul(?:ó|aron)|desisti(?:ó|eron)\s+de|suprimi(?:ó|eron)|"
                r"dej(?:ó|aron|a|an|ar)\s+sin\s+efecto)"
                + G(6)
                + r"(?:visitas?|viajes?|giras?|desplazamientos?)\b"
                # the trip's destination, when it follows: "la gira de su canciller por Israel"
                + r"(?:(?:\s+de\s+(?:su|sus|la|el)\s+\w+)?\s+(?:a|al|por)\s+"
                + PLACE
                + r")?"
            ),
        ),
        (
            "visit_then_cancel",
            rx(
                r"\b" + _VISIT_NOUN + r"\b" + G(18) + r"(?:cancelad[oa]s?|suspendid[oa]s?|aplazad[oa]s?|"
                r"postergad[oa]s?|pospuest[oa]s?|anulad[oa]s?|se\s+cancel(?:ó|a)|se\s+suspendi(?:ó|e)|"
                r"se\s+aplaz(?:ó|a)|se\s+posterg(?:ó|a))\b"
            ),
        ),
        (
            "scheduled_then_cancel",
            rx(
                r"\b(?:tenía|tenían|estaba|estaban)\s+(?:previsto|programad[oa]s?|planificad[oa]s?|"
                r"agendad[oa]s?)\s+(?:\w+\s+){0,2}?(?:visitar|viajar|realizar\s+una\s+visita)"
                + G(16)
                + r"(?:cancel(?:ó|aron)|suspendi(?:ó|eron)|aplaz(?:ó|aron)|posterg(?:ó|aron)|pospus(?:o|ieron)|"
                r"desisti(?:ó|eron)|lo\s+canceló)\b"
            ),
        ),
    ],
    "visit": [
        (
            "visit_verb_place",
            rx(
                r"\b(?:visit(?:ó|a|an|aron|ará|arán|ar|ando|aba)|recorri(?:ó|eron)|recorr(?:e|erá)|"
                r"viaj(?:ó|a|an|aron|ará|arán|ar|aba)\s+(?:\w+\s+){0,3}?(?:a|hacia)|"
                r"se\s+traslad(?:ó|aron|ará)\s+(?:\w+\s+){0,2}?a)\s+(?:la\s+ciudad\s+de\s+)?" + PLACE
            ),
        ),
        (
            "visited_by",
            rx(
                r"\b(?:(?:fue|fueron|es|son|ha\s+sido|han\s+sido|había\s+sido|será)\s+visitad[oa]s?|"
                r"recibi(?:ó|rá)\s+la\s+visita)\b"
            ),
        ),
        (
            "visit_of_official",
            rx(
                r"\b" + _VISIT_NOUN + r"\s+(?:oficial(?:es)?\s+|de\s+Estado\s+|de\s+trabajo\s+)?"
                r"(?:del|de(?!\s+(?:Estado|trabajo|cortesía|negocios|\w+\s+días)\b)|por)\s+(?:la\s+|el\s+)?"
            ),
        ),
        (
            "consultations_in",
            rx(
                r"\b(?:celebr(?:ó|aron|ará|arán|an)|mantuv(?:o|ieron)|sostuv(?:o|ieron)|realiz(?:ó|aron|ará|arán)|"
                r"llev(?:ó|aron)\s+a\s+cabo)\s+(?:\w+\s+){0,5}?(?:consultas|conversaciones|reuniones|"
                r"diálogo)\s+(?:\w+\s+){0,3}?en\s+" + PLACE
            ),
        ),
        (
            "visit_noun_to_place",
            rx(
                r"\b(?:visitas?|viajes?|giras?|misi(?:ón|ones)\s+oficial(?:es)?|delegaci(?:ón|ones)|"
                r"comitivas?|desplazamientos?)\s+(?:\w+\s+){0,3}?(?:a|al|en|por|hacia)\s+" + PLACE
            ),
        ),
        (
            "visit_noun_qualified",
            rx(
                r"\b(?:(?:primera|histórica|reciente|breve)\s+)?" + _VISIT_NOUN + r"\s+(?:oficial(?:es)?|"
                r"de\s+Estado|de\s+trabajo|histórica|presidencial|ministerial|bilateral|de\s+(?:\w+\s+)?días)\b|"
                r"\b(?:primera|histórica|reciente|su|sus)\s+(?:visitas?|giras?)\b"
            ),
        ),
        (
            "arrival",
            rx(
                r"\b(?:lleg(?:ó|a|an|aron|ará|arán|ar|ando)|arrib(?:ó|a|aron|ará|ar|ando)|"
                r"aterriz(?:ó|a|aron|ará|ar|ando))\s+"
                r"(?:\w+\s+){0,3}?(?:a|al|en)\s+" + PLACE + r"|"
                # "tras tocar tierra cerca de Tel Aviv", "tocó tierra en Quito"
                r"\btoc(?:ó|a|an|aron|ar|ando)\s+tierra\s+(?:cerca\s+de|en)\s+" + PLACE
            ),
        ),
        (
            "host_welcomed",
            rx(
                r"\b(?:recibi(?:ó|eron|rá|rán)\s+(?:a|al)|recibe(?:n)?\s+(?:a|al)|"
                r"d(?:io|ieron|a|an|ará)\s+la\s+bienvenida\s+(?:a|al)|acogi(?:ó|eron)\s+(?:a|al)|"
                r"acoger\s+(?:aquí\s+)?(?:a|al)|"
                r"agasaj(?:ó|aron)\s+(?:a|al))\b|"
                r"\b(?:(?<=\bfue\s)|(?<=\bfueron\s)|(?<=\bsido\s)|(?<=\bserá\s)|(?<=\bserán\s))"
                r"(?:recibid|acogid|agasajad)[oa]s?\b"
            ),
        ),
        (
            "meeting_in_place",  # "En una reunión celebrada en Jerusalén, el mandatario ..." (issue 17)
            rx(
                r"\b(?:reuni(?:ón|ones)|encuentros?|cita|cumbre)\s+(?:(?:celebrad|mantenid|realizad)[oa]s?\s+)?"
                r"en\s+" + PLACE_HINT
            ),
        ),
        (
            "leaders_met",
            rx(
                r"\b(?:se\s+reuni(?:ó|eron|rá|rán)|se\s+reúne(?:n)?|se\s+entrevist(?:ó|aron)|"
                r"(?:mantuv(?:o|ieron)|sostuv(?:o|ieron))\s+(?:\w+\s+){0,6}?(?:reunión|encuentro|"
                r"conversaciones|diálogo)(?:\s+bilateral)?)\s+(?:\w+\s+){0,4}?con\b"
            ),
        ),
    ],
    "office_opening": [
        (
            "open_office",
            rx(
                r"\b(?:abr(?:ió|ieron|irá|irán|ir|e|en|iendo)|apertura|inaugur(?:ó|aron|ará|arán|ar|a|an|ación|"
                r"ando)|estableci(?:ó|eron|miento)|establecer(?:á|án)?|establece(?:n)?|lanz(?:ó|aron|ará|ar|"
                r"amiento)|instal(?:ó|aron|ará|ar|ación)|traslad(?:ó|aron|ará|arán|ar|o|ar)|"
                r"mud(?:ó|aron|ará|ar|anza)|reubic(?:ó|aron|ará|ar|ación)|cre(?:ó|aron|ará|ación)|"
                r"puesta\s+en\s+marcha)" + G(7) + OFFICE + r"\b"
            ),
        ),
        (
            "office_opens",
            rx(
                r"\b"
                + OFFICE
                + G(6)
                + r"(?:abrió\s+sus\s+puertas|abre\s+sus\s+puertas|abrirá\s+sus\s+puertas|"
                r"(?:fue|será|quedó|quedará|ha\s+sido)\s+(?:oficialmente\s+)?(?:inaugurad[oa]|abiert[oa])|"
                r"se\s+inaugur(?:ó|ará|a)|se\s+abri(?:ó|rá)|"
                r"(?:inició|iniciará|empezó|empezará|comenzó|comenzará)\s+(?:sus\s+)?(?:operaciones|funciones|"
                r"actividades|a\s+funcionar))\b"
            ),
        ),
        (
            "office_diplomatic_status",
            rx(
                OFFICE + r"\s+(?:\w+\s+){0,6}?con\s+(?:estatus|estatuto|rango|carácter|categoría)\s+"
                r"diplomátic[oa]\b"
            ),
        ),
        (
            "new_office",
            rx(r"\bnuev[oa]s?\s+" + OFFICE + r"\s+(?:\w+\s+){0,6}?en\s+(?:Jerusal[eé]n|Tel\s+Aviv|Quito)\b"),
        ),
    ],
    "arms_purchase": [
        (
            "buy_arms",
            rx(
                r"\b(?:compr(?:ó|aron|a|an|ará|arán|ar|as|ad[oa]s?)|adquiri(?:ó|eron|rá|rán|r|d[oa]s?)|"
                r"recibi(?:ó|eron|rá|rán)|recepción|incorpor(?:ó|aron|ará|arán|a|an|ar|ación)|"
                r"adquier(?:e|en)|adquisici(?:ón|ones)|encarg(?:ó|aron)|import(?:ó|aron|a|an|ación|aciones)|"
                r"entreg(?:ó|aron|a|an|ará|arán|as?)|vend(?:ió|ieron|e|en|erá|er)|ventas?|"
                r"suministr(?:ó|aron|a|ará|o|os)|provee(?:dor|dores|rá)?|provey(?:ó|eron)|dot(?:ó|aron)\s+(?:a|al)|"
                r"clientes?|contrat(?:o|os|ó|aron)|pedidos?|pag(?:ó|aron|ará|arán)|"
                r"llegad[oa]s?|arribo|desembarc(?:ó|aron))" + G(12) + ARMS + r"\b"
            ),
        ),
        (
            "arms_bought",
            rx(
                r"\b" + ARMS + G(8) + r"(?:(?:comprad|adquirid|entregad|vendid|suministrad|importad|encargad|"
                r"procedentes?\s+de|provenientes?\s+de)[oa]?s?\b|(?:se\s+)?(?:le\s+|les\s+)?"
                r"compr(?:ó|aron|ará|arán)\s+a\b)"
            ),
        ),
        (
            "arms_amount",
            rx(
                r"(?:US\s?\$|USD\s?|\$)\s?\d[\d.,]*\s*(?:mil\s+)?(?:millones|millón)?\s+(?:de\s+dólares\s+)?"
                r"(?:en\s+)?" + ARMS
            ),
        ),
    ],
    "military_cooperation": [
        (
            "training",
            rx(
                r"\b(?:capacit(?:ación|aciones|ó|aron|ará|arán|ar|a|an)|entren(?:amiento|amientos|ó|aron|ará|"
                r"arán|ar|a|an)|adiestr(?:amiento|ó|aron|ará|ar)|instrucción|instructores|cursos?|ejercicios|"
                r"maniobras|formación)\b" + G(6) + MIL + r"\b"
            ),
        ),
        (
            "military_training",
            rx(
                r"\b" + MIL + G(6) + r"(?:capacitación|capacitaciones|capacitad[oa]s|entrenamientos?|"
                r"entrenad[oa]s|adiestramiento|cursos?|ejercicios|maniobras|formación)\b"
            ),
        ),
        (
            "security_cooperation",
            rx(
                r"\b(?:cooperaci(?:ón|ones)|colaboración|alianzas?|asistencia|ayuda|intercambios?|asociación|"
                r"relaciones|lazos|vínculos|acuerdos?|convenios?|memorandos?|pactos?)\s+"
                r"(?:(?:estratégic[oa]s?|bilateral(?:es)?|técnic[oa]s?|de\s+cooperación|de\s+entendimiento|"
                r"y\s+\w+)\s+){0,2}"
                r"(?:en\s+(?:materia\s+de\s+|el\s+ámbito\s+de\s+(?:la\s+)?|temas\s+de\s+)?|de\s+(?:la\s+)?|del\s+)?"
                + SEC
                + r"\b"
            ),
        ),
        (
            "cooperate_on_security",
            rx(
                r"\bcooper(?:ar|ará|arán|ó|aron|a|an|ando)\s+(?:\w+\s+){0,3}?(?:en|contra)\s+"
                r"(?:\w+\s+){0,2}?" + SEC + r"\b"
            ),
        ),
        (
            "security_donation",
            rx(
                r"\b(?:don(?:ó|aron|ará|arán|a|an|ación|aciones)|entreg(?:ó|aron|ará)\s+en\s+donación)\b"
                + G(10)
                + MIL
                + r"\b"
            ),
        ),
        (
            "provide_assistance",
            rx(
                r"\b(?:proporcion(?:ó|aron|a|an|ará|arán|ar)|brind(?:ó|aron|a|an|ará|arán|ar)|"
                r"ofreci(?:ó|eron)|ofrec(?:e|en|erá|er)|compart(?:ió|ieron|e|en|irá|irán|ir)|"
                r"suministr(?:ó|aron|a|ará|ar)|envi(?:ó|aron|ará|arán|ar|a)|prest(?:ó|aron|ará|arán|ar|a)|"
                r"d(?:io|ieron|ará|arán|ar))\s+(?:\w+\s+){0,3}?"
                r"(?:inteligencia" + _NOT_SEC + r"|instructores|asesor(?:es|ía|amiento)\s+(?:militar(?:es)?|"
                r"en\s+seguridad|de\s+seguridad|en\s+defensa)|(?:asistencia|apoyo|ayuda)\s+(?:técnica\s+)?"
                r"(?:militar|en\s+(?:materia\s+de\s+)?seguridad|de\s+seguridad|en\s+defensa|de\s+inteligencia|"
                r"en\s+ciberseguridad))"
            ),
        ),
        (
            "intel_passive",
            rx(
                r"\binteligencia\b"
                + G(6)
                + r"(?:compartid|proporcionad|entregad|suministrad|intercambiad)[oa]s?\b"
            ),
        ),
        (
            "assistance_after_attack",
            rx(
                r"\b(?:asistencia|ayuda|apoyo|asesoría)\b" + G(10) + r"(?:ciberataques?|ataques?\s+"
                r"(?:cibernéticos?|informáticos?)|hackeos?|terroris\w+|cárteles|carteles|bandas\s+criminales|"
                r"pandillas|crimen\s+organizado|narcotráfico|atentados?)\b"
            ),
        ),
    ],
    "military_rupture": [
        (
            "end_military_ties",
            rx(
                r"\b(?:cort(?:ó|aron|a|ar|ará|ad[oa]s?)|romp(?:ió|ieron|e|er)|rot[oa]s?|"
                r"suspend(?:ió|ieron|e|er|erá|id[oa]s?)|suspensión\s+de|"
                r"congel(?:ó|aron|a|ar)|congelamiento\s+de|fren(?:ó|aron)|paraliz(?:ó|aron)|detuv(?:o|ieron)|"
                r"pus(?:o|ieron)\s+fin\s+a|termin(?:ó|aron)\s+con|cancel(?:ó|aron)|anul(?:ó|aron)|"
                r"prohibi(?:ó|eron))"
                + G(4)
                + r"(?:cooperación|relaciones|vínculos|lazos|acuerdos?|convenios?|contratos?|compras?|"
                r"adquisiciones|importaciones|ventas|colaboración|nexos)\s+(?:\w+\s+){0,2}?(?:militar(?:es)?|"
                r"de\s+defensa|en\s+(?:materia\s+de\s+)?(?:seguridad|defensa)|de\s+armas|de\s+armamento|"
                r"armamentistas?|bélic[oa]s?)\b"
            ),
        ),
        (
            "halt_training",
            rx(
                r"\b(?:suspend(?:ió|ieron|e|er)|cancel(?:ó|aron)|cort(?:ó|aron)|detuv(?:o|ieron)|"
                r"paraliz(?:ó|aron)|termin(?:ó|aron)\s+con|congel(?:ó|aron)|pus(?:o|ieron)\s+fin\s+a)\s+"
                r"(?:\w+\s+){0,2}?(?:(?:intercambios|programas)(?:\s+de\s+(?:entrenamiento|capacitación|"
                r"cooperación))?|entrenamientos?|ejercicios|capacitación|capacitaciones|cursos)\b"
            ),
        ),
        (
            "stop_arms_purchase",
            rx(
                r"\b(?:suspend(?:ió|ieron|e|er)|suspensión\s+de|cancel(?:ó|aron)|fren(?:ó|aron)|detuv(?:o|ieron)|"
                r"paraliz(?:ó|aron)|congel(?:ó|aron)|prohibi(?:ó|eron)|pus(?:o|ieron)\s+fin\s+a|cort(?:ó|aron))\s+(?:\w+\s+){0,4}?"
                r"(?:la\s+|las\s+|toda\s+|todas\s+las\s+)?(?:compras?|adquisici(?:ón|ones)|importaci(?:ón|ones)|"
                r"ventas?|contratos?)\s+de\s+(?:\w+\s+){0,5}?" + ARMS
            ),
        ),
        (
            "arms_purchase_cancelled",
            rx(
                r"\b(?:compras?|adquisici(?:ón|ones)|importaci(?:ón|ones)|contratos?)\s+de\s+(?:\w+\s+){0,5}?"
                + ARMS
                + G(8)
                + r"(?:cancelad|suspendid|congelad|anulad|frenad|paralizad|rescindid)[oa]s?\b"
            ),
        ),
    ],
    "diplomatic_ties": [
        (
            "establish_relations",
            rx(
                r"\b(?:establec(?:ió|ieron|er|en|e|id[oa]s?)|estableci(?:ó|eron|miento\s+de)|"
                r"restablec(?:ió|ieron|er|en|e|id[oa]s?)|"
                r"restablecimiento\s+de|reanud(?:ó|aron|ar)|normaliz(?:ó|aron|ar)|entabl(?:ó|aron|ar)|"
                r"inici(?:ó|aron)|abri(?:ó|eron))\s+(?:\w+\s+){0,4}?(?:las\s+|sus\s+|unas\s+)?(?:plenas\s+)?"
                r"(?:relaciones|lazos|vínculos)(?:\s+diplomátic[oa]s)?\b"
                r"(?!\s+(?:comerciales|económic[oa]s|culturales|académic[oa]s|militares))"
            ),
        ),
        (
            "relations_established",
            rx(
                r"\b(?:relaciones|lazos|vínculos)\s+diplomátic[oa]s"
                + G(6)
                + r"(?:establecid[oa]s|establecieron|iniciaron|comenzaron|empezaron|restablecid[oa]s|"
                r"restablecieron|datan\s+de|se\s+remontan\s+a)\b"
            ),
        ),
        (
            "ties_since",
            rx(
                r"\b(?:relaciones|lazos|vínculos)\s+(?:diplomátic[oa]s|formales)\s+(?:\w+\s+){0,4}?desde\b|"
                r"\bdesde\s+(?:\w+\s+){1,6}?(?:mantienen|sostienen|tienen)\s+relaciones\s+diplomáticas\b"
            ),
        ),
        (
            "relations_began",
            rx(
                r"\brelaciones\s+(?:bilaterales\s+)?(?:comenzaron|empezaron|se\s+iniciaron|iniciaron|"
                r"se\s+establecieron|datan|se\s+remontan)\b"
            ),
        ),
    ],
    "diplomatic_downgrade": [
        (
            "recall_envoy",
            rx(
                r"\b(?:llam(?:ó|aron|a|an|ar|ará)\s+a\s+consultas|retir(?:ó|aron|a|an|ar|ará|arán)|"
                r"expuls(?:ó|aron|a|ar|ará)|hizo\s+regresar|orden(?:ó|aron)\s+el\s+regreso\s+de)"
                + G(5)
                + r"(?:embajador(?:a|es)?|encargad[oa]\s+de\s+negocios|diplomáticos?|"
                r"representantes?\s+diplomátic[oa]s?|jefe\s+de\s+misión)\b"
            ),
        ),
        (
            "envoy_recalled",
            rx(
                r"\bembajador(?:a|es)?"
                + G(4)
                + r"(?:llamad[oa]s?\s+a\s+consultas|retirad[oa]s?|expulsad[oa]s?|"
                r"declarad[oa]s?\s+persona\s+non\s+grata)\b"
            ),
        ),
        ("consultations", rx(r"\bllam(?:ó|aron|a|an|ado|ada|ar|ará)\s+(?:\w+\s+){0,7}?a\s+consultas\b")),
        (
            "relations_severed",
            rx(
                r"\b(?:relaciones|lazos|vínculos)\W+(?:\w+\W+){0,4}?que\s+(?:\w+\s+){0,4}?"
                r"(?:había(?:n)?\s+)?(?:rot[oa]s?|cortad[oa]s?|suspendid[oa]s?|rompió|cortó|suspendió|congeló)\b"
                # the date of the rupture, when it follows the verb, belongs to the cue, not to the clause
                r"(?:\s+en\s+(?:\w+\s+){0,2}?\d{4}\b)?"
            ),
        ),
        (
            "break_relations",
            rx(
                r"\b(?:romp(?:ió|ieron|e|er|erá)|rompimiento\s+de|ruptura\s+de|cort(?:ó|aron|ar|ará)|"
                r"suspend(?:ió|ieron|er)|rebaj(?:ó|aron|ar)|congel(?:ó|aron|ar))\s+(?:\w+\s+){0,2}?"
                r"(?:las\s+|sus\s+)?(?:relaciones|lazos|vínculos)(?:\s+diplomátic[oa]s)?\b"
                r"(?!\s+(?:comerciales|militares|económic[oa]s))"
            ),
        ),
    ],
    "palestine_recognition": [
        (
            "recognise_palestine",
            rx(
                r"\breconoc(?:ió|ieron|e|en|er|erá|imiento)\s+(?:de\s+|a\s+|al\s+|del\s+)?(?:\w+\s+){0,5}?"
                r"(?:Palestin\w*|Estado\s+(?:de\s+)?Palestin\w*)"
            ),
        ),
        (
            "embassy_palestine",
            rx(
                r"\b(?:embajada|misión|representación|oficina)\s+(?:\w+\s+){0,3}?"
                r"(?:en\s+Ramal(?:l)?ah?|en\s+Palestina|ante\s+(?:el\s+Estado\s+de\s+)?Palestina|"
                r"ante\s+la\s+Autoridad\s+Palestina)"
            ),
        ),
    ],
    "un_vote": [
        (
            "voted_un",
            rx(
                r"\bvot(?:ó|aron|a|an|ará|ar|ación|aciones)\b" + G(8) + r"(?:partición|resoluci(?:ón|ones)|"
                r"(?-i:ONU)\b|Naciones\s+Unidas|Asamblea\s+General|Consejo\s+de\s+Seguridad|"
                r"Consejo\s+de\s+Derechos\s+Humanos)"
            ),
        ),
        (
            "un_body_voted",
            rx(
                r"\b(?:(?-i:ONU)|Naciones\s+Unidas|Asamblea\s+General|Consejo\s+de\s+Seguridad)\b"
                + G(3)
                + r"vot\w+"
            ),
        ),
        (
            "backed_un_plan",
            rx(
                r"\b(?:apoy(?:ó|aron)|respald(?:ó|aron)|se\s+opus(?:o|ieron)\s+a|rechaz(?:ó|aron))\s+"
                r"(?:el\s+|la\s+)?(?:plan\s+de\s+partición|resolución\s+(?:\w+\s+){0,2}?(?:de\s+la\s+(?-i:ONU)|"
                r"de\s+(?:la\s+)?Asamblea\s+General|de\s+(?:las\s+)?Naciones\s+Unidas|\d{2,4}))"
            ),
        ),
        ("resolution_number", rx(r"\bResolución\s+(?:N\.?\s?º\s*)?\d{2,4}\b")),
        (
            "un_support",
            rx(
                r"\b(?:apoy|respald)\w*\s+(?:mutuamente|mutuo|recíproco|\w+)\s+(?:\w+\s+){0,3}?(?:en|ante)\s+"
                r"(?:la\s+|las\s+|los\s+)?(?:(?-i:ONU)\b|Naciones\s+Unidas|foros\s+(?:internacionales|multilaterales)|"
                r"organismos\s+(?:internacionales|multilaterales))"
            ),
        ),
        (
            "abstained",
            rx(
                r"\babst(?:uvo|uvieron|iene|ienen|endrá|ención|enciones)\b" + G(6) + r"(?:resoluci\w+|vot\w+|"
                r"(?-i:ONU)\b|Naciones\s+Unidas)"
            ),
        ),
        (
            "abstainers_list",  # needs the UN named in the sentence (analysis/extract/votes.py)
            rx(
                r"\b(?:opt(?:ó|aron)\s+por|decidi(?:ó|eron)|prefiri(?:ó|eron))\s+abstenerse\b|"
                r"\bentre\s+(?:las\s+)?abstenciones\b|\b(?:los|las|Estados|países|naciones|miembros)\s+que\s+"
                r"se\s+abstuvieron\b|\babstención\s+(?:ecuatoriana\s+|de\s+Ecuador\s+)?en\s+(?:la\s+)?(?-i:ONU)\b"
            ),
        ),
    ],
    "agreement": [
        (
            "sign_agreement",
            rx(
                r"\b(?:firm(?:ó|aron|a|an|ará|arán|ar|ad[oa]s?)|suscrib(?:ió|ieron|e|en|irá|irán|ir)|"
                r"suscrit[oa]s?|rubric(?:ó|aron|ar)|conclu(?:yó|yeron|ir)|negoci(?:a|an|ó|aron|ar|ando|ación|"
                r"aciones)|ratific(?:ó|aron|ar)|cerr(?:ó|aron))"
                + G(6)
                + _DE_ACUERDO
                + r"(?:acuerdos?|convenios?|tratados?|memorandos?|memorándums?|memoranda|"
                r"cartas?\s+de\s+intención|protocolos?|(?-i:TLC)|pactos?)\b"
                r"(?!\s+(?:\w+\s+){0,5}?(?:en\s+(?:materia\s+de\s+)?|de\s+)?" + SEC + r")"
            ),
        ),
        (
            "fta",
            rx(r"\b(?:tratado|acuerdo)\s+de\s+libre\s+comercio\b|\b(?-i:TLC)\b"),
        ),
        (
            "agreement_signed",
            rx(
                r"\b" + _DE_ACUERDO + r"(?:acuerdos?|convenios?|tratados?|memorandos?|memorándums?|"
                r"cartas?\s+de\s+intención)\b"
                r"(?!\s+(?:\w+\s+){0,5}?(?:en\s+(?:materia\s+de\s+)?|de\s+)?"
                + SEC
                + r")"
                + G(14)
                + r"(?:firmad[oa]s?|suscrit[oa]s?|rubricad[oa]s?|ratificad[oa]s?|se\s+firm(?:ó|aron)|"
                r"alcanzad[oa]s?)\b"
            ),
        ),
    ],
    "legislative_action": [
        (
            "caucus",
            rx(
                r"\b(?:bancadas?\s+(?:\w+\s+){0,4}?(?:Israel|israelí|Aliados)|caucus|"
                r"grupos?\s+(?:parlamentari[oa]s?\s+)?de\s+amistad|frentes?\s+parlamentari[oa]s?|"
                r"liga\s+parlamentaria|Aliados\s+de\s+Israel|Israel\s+Allies)\b"
            ),
        ),
        (
            "parliament_resolution",
            rx(
                r"\b(?:Asamblea\s+Nacional|Asamblea(?!\s+General)|Congreso|Parlamento|pleno|legisladores|"
                r"asambleístas|diputados|parlamentarios|Kn[eé]s{1,2}et|Legislativo|Senado)\b"
                + G(10)
                + r"(?:resoluci(?:ón|ones)|declaraci(?:ón|ones)|moci(?:ón|ones)|proyecto\s+de\s+ley|ley|"
                r"pronunciamiento|acuerdo\s+legislativo)\b"
            ),
        ),
        ("declaration_of", rx(r"\bDeclaración\s+de\s+(?:Solidaridad|Amistad|Apoyo)\b")),
    ],
    "statement": [],  # found by the speaker/stance logic in extract.py, which needs the whole sentence
}

#: Statements: a speech act by an official, with an evaluative cue toward the other country.
SPEECH = rx(
    r"\b(?:dijo|dice|dicen|decía|declaró|declara|afirmó|afirma|aseguró|asegura|señaló|señala|sostuvo|"
    r"manifestó|manifiesta|expresó|expresa|expresaron|destacó|destaca|subrayó|subraya|resaltó|recalcó|"
    r"enfatizó|reiteró|reitera|añadió|agregó|indicó|explicó|insistió|advirtió|calificó|califica|describió|"
    r"elogió|elogia|agradeció|agradece|felicitó|condenó|condena|condenan|denunció|denuncia|criticó|"
    r"critica|rechazó|rechaza|lamentó|lamenta|deploró|deplora|acusó|acusa|tuiteó|escribió|publicó|"
    r"comunicó|anunció|anuncia|prometió|instó|exhortó|celebró|saludó|respaldó|defendió|"
    r"según\s+(?:un\s+)?comunicado|en\s+un\s+comunicado|a\s+través\s+de\s+(?:un\s+)?comunicado)\b"
)
SUPPORT = rx(
    r"\b(?:amig[oa]s?|amistad|aliad[oa]s?|admir(?:a|o|ó|amos|ación|ad[oa])|solidaridad|solidari[oa]s?|gratitud|"
    r"agradec\w*|elogi\w*|felicit\w*|valor(?:a|amos|ó|aron)|honor|honrad[oa]|trabajar\s+juntos|"
    r"fortalec\w*|profundiz\w*|estrech(?:ar|ado|os)\s+(?:los\s+)?(?:lazos|vínculos|relaciones)|"
    r"paso\s+(?:adelante|importante|histórico|significativo)|nueva\s+(?:página|etapa|era)|"
    r"relaciones\s+(?:bilaterales\s*)?,?\s*(?:ya\s+)?(?:estrechas|sólidas|excelentes)|calidez|"
    r"valores\s+(?:comunes|compartidos)|acompañ(?:ar|ando|a|ó)\s+a\s+(?:Israel|Ecuador)|apoy(?:o|a|amos|ó)\s+(?:a|al|con)\s+(?:Israel|Ecuador)|"
    r"respald(?:o|a|amos|ó)\s+(?:a|al)\s+(?:Israel|Ecuador)|derecho\s+(?:legítimo\s+)?a\s+"
    r"(?:defenderse|la\s+legítima\s+defensa)|rehenes|hermano|socio\s+estratégico|"
    r"junto\s+a\s+(?:Israel|Ecuador))\b"
)
CRITICISM = rx(
    r"\b(?:conden(?:a|an|ó|aron|amos|ar)|condena|denunci(?:a|an|ó|aron|ar)|critic(?:a|an|ó|aron|ar)|"
    r"crítica|genocidio|genocida|masacres?|agresi(?:ón|ones)|viol(?:a|an|ó|aron|ación|aciones|atorio)|apartheid|"
    r"crímenes\s+de\s+guerra|crimen\s+de\s+guerra|ocupación|desproporcionad[oa]s?|atrocidad(?:es)?|"
    r"rechaz(?:a|an|ó|aron|o)|lament(?:a|ó|able)|deplor(?:a|ó|able)|decepci(?:ón|onado|onada)|"
    r"recompensa\s+al\s+terrorismo|premio\s+al\s+terrorismo|consternaci(?:ón)|indignaci(?:ón)|"
    r"protesta|inaceptable|inadmisible|limpieza\s+étnica|castigo\s+colectivo|profunda\s+preocupación|"
    r"respet(?:ar|e|en)\s+el\s+derecho\s+internacional|se\s+opon(?:e|en)\s+a|injustificables?|"
    r"desproporción)\b"
)

#: Condemning terror or Hamas is support for Israel, not criticism of it.
SUPPORT_CONDEMN = rx(
    r"\b(?:conden\w*|denunci\w*|rechaz\w*|repudi\w*)\s+(?:\w+\s+){0,5}?(?:terror\w*|atentados?|"
    r"ataques?\s+(?:terroristas?|de\s+Ham[aá]s|contra\s+(?:el\s+(?:Estado\s+de\s+)?)?Israel)|Ham[aá]s|"
    r"Hezbol[aá]h?|Hezbollah|antisemit\w*|secuestros?|toma\s+de\s+rehenes|cohetes|"
    r"(?:ejecución|asesinato|muerte|matanza)\s+de\s+(?:\w+\s+){0,2}?rehenes)"
)
#: A clause that denies or rules out what follows it in the sentence: "negó que ... viajaría".
NEGATION_CLAUSE = rx(
    r"\b(?:neg(?:ó|aron)|niega(?:n)?|desmint(?:ió|ieron)|desmiente(?:n)?|descart(?:ó|aron|a|an)|"
    r"rechaz(?:ó|aron)|refut(?:ó|aron)|desestim(?:ó|aron))\s+(?:\w+\s+){0,2}?(?:informes?|"
    r"informaciones|versiones?|rumores?|reportes?|que|cualquier|la\s+posibilidad|especulaciones?|planes?|"
    r"publicaciones)\b|"
    # opposing what others do is not doing it: "se opone a que los países muden allí sus embajadas"
    r"\bse\s+opon(?:e|en|ía|ían)\s+a\s+que\b"
)
#: Hypotheses and deliberation are not events: "podría considerar", "evalúa la posibilidad de".
HYPOTHETICAL = rx(
    r"\b(?:podría|podrían|pudiera|pudieran)\s+(?:\w+\s+)?(?:considerar|evaluar|analizar|estudiar|"
    r"ser\s+(?:políticamente\s+)?(?:costos[oa]|riesgos[oa]|difícil|improbable|prematur[oa]))\b|"
    r"\b(?:sería|serían)\s+(?:políticamente\s+)?(?:costos[oa]|riesgos[oa]|difícil|improbable|prematur[oa]|"
    r"contraproducente)\b|\b(?:evalúa|evalúan|analiza|analizan|estudia|estudian|contempla|contemplan|"
    r"baraja|barajan|sopesa|considera|consideran)\s+(?:la\s+posibilidad|la\s+opción|la\s+idea)\b|"
    r"\bsi\s+(?:\w+\s+){0,2}?(?:fuera|fueran|hubiera|hubiese)\b|\bninguna\s+decisión\b|"
    r"\bno\s+(?:se\s+)?ha\s+(?:tomado|adoptado)\s+(?:una|ninguna)\s+decisión\b|"
    # "un eventual traslado de la embajada": a possibility, not a step taken
    r"\beventual(?:es)?\b"
)
#: The cue is the topic of talks, not an act: "se reunieron para analizar la cooperación en seguridad".
DISCUSSED = re.compile(
    r"\b(?:para\s+(?:discutir|abordar|analizar|explorar|revisar|tratar|evaluar|conversar\s+sobre|"
    r"dialogar\s+sobre)|discutieron|discutió|abordaron|abordó|analizaron|analizó|trataron|trató|"
    r"conversaron\s+sobre|dialogaron\s+sobre|hablaron\s+(?:sobre|de)|temas\s+como|posibilidad(?:es)?\s+de|"
    r"oportunidades\s+de)\s+(?:\w+\s+){0,2}$",
    re.I,
)
#: Someone with standing to make a visit official.
OFFICIAL = rx(
    r"\b(?:president[ea]|vicepresident[ea]|mandatari[oa]|jefe\s+de\s+Estado|canciller|vicecanciller|"
    r"ministr[oa]|viceministr[oa]|primer\s+ministro|delegaci(?:ón|ones)|comitiva|enviad[oa]|"
    r"embajador(?:a)?|secretari[oa]|funcionari[oa]s?|autoridades|rey|reina|legisladores|asambleístas?|"
    r"diputad[oa]s?|parlamentari[oa]s?|comandante|general|gobierno|cancillería|alcalde(?:sa)?)\b"
)
PASSIVE_BEFORE = re.compile(r"\b(?:fue|fueron|es|son|sido|será|serán)\s+$", re.I)
#: The agent of a passive ("por el presidente Herzog") or of a visit noun ("la visita del canciller israelí").
_AGENT_WORDS = (
    r"(?:(?:el|la|los|las|un|una|su|sus|primer|primera|nuevo|nueva|alt[oa]s?|propi[oa]|parte\s+del?|"
    r"president[ea]|vicepresident[ea]|mandatari[oa]|canciller|vicecanciller|ministr[oa](?:\s+de\s+\w+)?|"
    r"viceministr[oa]|jefe\s+de\s+Estado|embajador(?:a)?|enviad[oa]|delegaci(?:ón|ones)|comitiva|"
    r"autoridades|gobierno|funcionari[oa]s?|rey|reina|alcalde(?:sa)?|cancillería|secretari[oa])\s+)"
)
#: The agent of a passive ("recibido por el presidente Herzog") or of a visit noun ("la visita del canciller
#: israelí"): only articles and titles may stand between "por"/"de" and the mention, so the causal "por"
#: ("canceló la visita por el conflicto en Gaza") names no agent.
BY_AGENT = re.compile(
    r"(?:\bpor|\b(?:visitas?|viajes?|giras?)\s+(?:\w+\s+){0,3}?del?)\s+" + _AGENT_WORDS + r"{0,4}$", re.I
)
#: What a host "received" that is not a guest.
NOT_A_GUEST = rx(
    r"\b(?:recepción|cena|almuerzo|ceremonia|evento|fiesta|concierto|exposición|foro|conferencia|feria|"
    r"cumbre|celebración|seminario|taller|donación|donaciones|cargamento|lote)\b"
)
#: Countries joined in one subject: "España, Irlanda y Noruega", "Chile y Colombia".
COORDINATION = re.compile(r"^\s*(?:,\s*(?:y\s+|e\s+)?|y\s+|e\s+)$")
#: Legislatures and the country whose they are, when the name alone says so.
LEGISLATURE = rx(
    r"\b(?:Kn[eé]s{1,2}et|Asamblea\s+Nacional|Asamblea(?!\s+General)|Congreso|Parlamento|legisladores|"
    r"asambleístas?|diputados|parlamentarios|Legislativo|Senado|bancadas?|caucus)\b"
)
#: A country named inside a caucus's name is its topic, not its owner ("bancada Amigos de Israel",
#: "Grupo de Amistad con Israel"): Spanish names the topic after the noun, so this matches nothing there.
LEGISLATURE_TOPIC_AFTER = re.compile(r"\s*(?:Allies\s+)?(?:[Cc]aucus)\b")
LEGISLATURE_COUNTRY = {
    "knesset": "ISR",
    "kneset": "ISR",
    "knéset": "ISR",
    "knésset": "ISR",
    "asamblea nacional": "ECU",
    "asambleísta": "ECU",  # the Ecuadorian word for a member of the National Assembly
    "asambleístas": "ECU",
}

#: Cues that change an event's status; the nearest one before the cue word wins.
CANCELLED = rx(
    r"\b(?:cancel(?:ó|aron|ad[oa]s?|ación)|aplaz(?:ó|aron|ad[oa]s?)|posterg(?:ó|aron|ad[oa]s?)|"
    r"pospuest[oa]s?|pospus(?:o|ieron)|anul(?:ó|aron|ad[oa]s?)|desisti(?:ó|eron))\b"
)
_FUTURE = r"\w+(?:ará|erá|irá|arán|erán|irán)"
PLANNED = rx(
    r"\b(?:" + _FUTURE + r"|que\s+(?:se\s+)?\w+(?:aría|ería|iría|arían|erían|irían)|prevé|prevén|"
    r"previst[oa]s?|tiene(?:n)?\s+previsto|planea(?:n)?|planifica(?:n)?|programad[oa]s?|"
    r"pretende(?:n)?|busca(?:n)?|se\s+espera|espera(?:n)?|tiene(?:n)?\s+(?:la\s+)?intención|"
    r"va(?:n)?\s+a|próxim[oa]s?|(?:decidi(?:ó|eron)|acord(?:ó|aron)|resolvi(?:ó|eron))\s+\w+(?:ar|er|ir)\b|"
    r"la\s+decisión\s+de\s+\w+(?:ar|er|ir))\b"
)
ANNOUNCED = rx(
    r"\b(?:anunci(?:ó|aron|a|an|ará|o)|confirm(?:ó|aron|a|an)|promet(?:ió|ieron|e)|propus(?:o|ieron)|"
    r"propuesta|propone(?:n)?|negoci(?:a|an|ando|ó|aron|ación|aciones|ar)|en\s+proceso\s+de|"
    r"discut(?:ió|ieron|en)|dialog(?:aron|ó)|ofreci(?:ó|eron)|ofrece(?:n)?|dio\s+a\s+conocer|"
    r"revel(?:ó|aron)|(?:se\s+)?comprometi(?:ó|eron)|domin(?:ó|aron)|abordaron|trataron)\b"
)
NEGATION = rx(
    r"\b(?:no(?!\s+(?:obstante|tripulad\w*|solo|sólo|solamente|únicamente)\b)|nunca|jamás|ni|tampoco|"
    r"neg(?:ó|aron|ar|ando|ado)|niega(?:n)?|desmint(?:ió|ieron)|desmiente(?:n)?|"
    r"descart(?:ó|aron|a|an|ar|ando)|rechaz(?:ó|aron|a|an)\s+(?:\w+(?:ar|er|ir)\b|la\s+(?:idea|posibilidad|"
    r"propuesta))|se\s+neg(?:ó|aron)|sin(?!\s+(?:embargo|precedentes|duda|efecto|fecha)\b)|en\s+lugar\s+de|"
    r"en\s+vez\s+de|ya\s+no|aún\s+no|todavía\s+no|dej(?:ó|aron)\s+de|evit(?:ó|aron)|omiti(?:ó|eron)|"
    r"declin(?:ó|aron))\b"
)
#: Words that place an undated past event before the article's time, so it must not take the publication date.
BACKGROUND = rx(
    r"\b(?:ex(?=\s*-?\s*[a-z])|expresident[ea]|excanciller|exministr[oa]|anterior(?:es|mente)?|"
    r"predecesor(?:es|a)?|antecesor(?:es|a)?|entonces|otrora|antaño|históricamente|hace|décadas?|"
    r"desde\s+entonces|en\s+aquel(?:la)?\s+(?:entonces|época|momento|año)|en\s+su\s+momento|"
    r"durante\s+(?:el|la)\s+(?:gobierno|mandato|administración|presidencia|período|periodo|gestión)|"
    r"bajo\s+(?:el\s+)?(?:gobierno|mandato)|en\s+el\s+pasado|había(?:n)?\s+(?:sido\s+)?\w+(?:ado|ido))\b"
)
PRESENT = rx(
    r"\b(?:es|son|está|están|tiene|tienen|mantiene|mantienen|sigue|siguen|continúa|continúan|permanece|"
    r"apoya|respalda|ha|han|actualmente|hoy|ahora|esta\s+semana|en\s+curso)\b"
)

#: Amounts of money: "US$ 30 millones", "30 millones de dólares", "USD 1.200 millones", "US$ 2,5 millones".
#: With the engine as it is, ``u``/``u2`` capture the "m" of "millones" (so the English unit table reads
#: it as a million); :func:`amount_value` reads Spanish number formats and "mil millones" fully.
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+\.\d+|\d+(?:,\d+)?"
AMOUNT = re.compile(
    r"(?:US\s?\$|USD\s?|\$)\s?(?P<n>" + _NUMBER + r")(?:\s*(?P<k>mil)\s+(?=millones))?"
    r"(?:\s*(?P<u>m)(?:illones|illón)\b|\s*(?P<t>mil)\b)?|"
    r"\b(?P<n2>"
    + _NUMBER
    + r")(?:\s*(?P<k2>mil)\s+(?=millones))?(?:\s*(?P<u2>m)(?:illones|illón)|\s*(?P<t2>mil))?"
    r"\s+(?:de\s+)?dólares\b",
    re.I,
)


def amount_value(m: re.Match[str]) -> float:
    """US dollars of an :data:`AMOUNT` match: "1.200" is twelve hundred, "2,5" two and a half."""
    num = m.group("n") or m.group("n2")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", num):
        num = num.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", num):
        num = num.replace(",", "")
    else:
        num = num.replace(",", ".")
    value = float(num)
    if m.group("u") or m.group("u2"):
        value *= 1e9 if (m.group("k") or m.group("k2")) else 1e6
    elif m.group("t") or m.group("t2"):
        value *= 1e3
    return value


# --- argument cues used by the shared engine in analysis.extract.engine ---
#: Spanish marks possession before the possessor ("la oficina de Ecuador"), never with a clitic after it.
POSSESSIVE = re.compile(r"(?!)")
#: Nor does a seat stand before an office noun as its place ("the Jerusalem office"): in "Quito inauguró una
#: oficina" the capital is the opener. Read by the engine's office roles (see the issue 8 notes).
SEAT_PREMODIFIES_OFFICE = False
_SPEECH_VERB = (
    r"(?:dijo|añadió|agregó|señaló|afirmó|aseguró|sostuvo|subrayó|destacó|resaltó|recalcó|enfatizó|"
    r"explicó|expresó|agradeció|elogió|calificó|reiteró|manifestó|indicó|insistió|advirtió)"
)
HE = re.compile(
    r"\b(?:él|ella|[Éé]l|[Ee]lla)\s+" + _SPEECH_VERB + r"\b|"
    r"^(?:(?:Además|Asimismo|También|Luego|Más\s+tarde|Por\s+su\s+parte),?\s+)?"
    r"(?:(?:[Ee]l|[Ll]a)\s+(?:mandatari[oa]|canciller|president[ea]|ministr[oa]|jefe\s+de\s+Estado|"
    r"diplomátic[oa]|embajador(?:a)?)\s+)?" + _SPEECH_VERB + r"\b|"
    # the subject dropped after a quotation: "«...», afirmó." / "«...», agregó el mandatario."
    r"[»\"”]\s*,?\s*"
    + _SPEECH_VERB
    + r"(?:\s+(?:el|la)\s+(?:mandatari[oa]|canciller|president[ea]|ministr[oa]|"
    r"jefe\s+de\s+Estado|diplomátic[oa]|embajador(?:a)?))?\s*[.;]?\s*$",
    re.I,
)
_SPEECH_VERB_PRESENT = (
    r"(?:expresa|condena|rechaza|reitera|reafirma|saluda|felicita|lamenta|deplora|celebra|agradece|"
    r"manifiesta|respalda|apoya|exige|hace\s+un\s+llamado|expresó|condenó|rechazó|reiteró|saludó|felicitó|"
    r"lamentó|agradeció|manifestó|respaldó|exigió)"
)
TITLE_COUNTRY = re.compile(
    r"\b" + TITLE + r"\s+(?:\w+\s+){0,2}?(?P<c>ecuatorian[oa]s?|israelí(?:es)?|israeli|palestin[oa]s?|"
    r"estadounidenses?|colombian[oa]s?)\b|(?:(?:[Gg]obierno|[Cc]ancillería|[Mm]inisterio\s+de\s+(?:Relaciones\s+"
    r"Exteriores|Defensa|Asuntos\s+Exteriores)|[Pp]resident[ea]|[Cc]anciller|[Mm]andatari[oa]|"
    r"Asamblea\s+Nacional|[Ee]mbajada|[Ee]mbajador(?:a)?|[Mm]inistr[oa](?:\s+de\s+\w+)?)\s+"
    r"del?\s+(?:la\s+República\s+del?\s+|Estado\s+de\s+)?"
    # or the country itself as the subject that opens a communiqué: "El Ecuador expresa su solidaridad ..."
    r"|^(?:[Ee]l\s+)?(?=(?:Ecuador|Israel)\s+(?:\w+\s+)?" + _SPEECH_VERB_PRESENT + r"\b)"
    r")(?P<c2>Ecuador|Israel)\b"
)
#: "en Gaza" after an event noun places that event ("el conflicto en Gaza"), not the cue's.
_EVENT_NOUN_BEFORE = "".join(
    rf"(?<!{w}\s)"
    for w in (
        "conflicto",
        "guerra",
        "ofensiva",
        "combates",
        "violencia",
        "crisis",
        "situación",
        "escalada",
        "ataque",
        "ataques",
        "bombardeos",
        "operación",
        "militar",
        "humanitaria",
        "población",
        "víctimas",
    )
)
IN_PLACE = re.compile(
    _EVENT_NOUN_BEFORE
    + r"\b(?:en|a|al|hacia|hasta|(?:gira|recorrido|periplo|viaje)\s+por)\s+(?:la\s+|el\s+)?(?:["
    + _UP
    + r"][\w'-]*\s+|del?\s+|la\s+|ciudad\s+|"
    r"capital\s+|costera\s+|sede\s+|campus\s+|puerto\s+){0,5}$"
)
#: The seller of a purchase is the first country after the cue that is not in the genitive: Spanish marks the
#: seller with "a" ("compró drones a Israel") or leaves it an adjective ("fusiles israelíes"), while "de"
#: before a country names a buyer or a possessor ("la relación de Ecuador con la industria israelí").
FROM = re.compile(r"^(?!.*\bdel?\s+(?:la\s+|el\s+|los\s+|las\s+)?$)", re.I | re.S)
#: Verbs whose subject is the seller ("Israel vendió a Ecuador"); nouns ("la venta de") leave the seller after.
SELL = re.compile(
    r"\b(?:vend(?:ió|ieron|e|en|erá|erán)|suministr(?:ó|aron|a|an|ará|arán)|provey(?:ó|eron)|"
    r"provee(?:n|rá|rán)?|entreg(?:ó|aron|a|an|ará|arán)|proporcion(?:ó|aron|a|ará)|dot(?:ó|aron))\b",
    re.I,
)


#: A cue whose own verb is in the past tense states something that happened, whatever modal precedes it.
PAST_IN_CUE = re.compile(
    r"\b\w+(?:ó|aron|ieron)\b|\b(?:fue|fueron)\s+\w+(?:ad|id)[oa]s?\b|\bha(?:n)?\s+\w+(?:ado|ido)\b", re.I
)


PREP = re.compile(
    r"\b(?:de|del|desde|a|al|en|con|contra|por|para|hacia|hasta|entre|sobre|ante|tras|según|como|sin|"
    r"junto\s+a|junto\s+con|además\s+de|frente\s+a|incluid[oa]s?|incluso|procedentes?\s+de|"
    r"huyendo\s+de)\W+(?:[A-Za-zÁÉÍÓÚáéíóúñÑ]+\W+)?$",
    re.I,
)
VISIT_VERB_END = re.compile(
    r"(?:visit(?:ó|a|an|aron|ará|arán|ar|ando)|recorri(?:ó|eron))\s+(?:la\s+ciudad\s+de\s+)?$", re.I
)
OFFICE_VERB = re.compile(
    r"\b(?:abr|abiert|apertura|inaugur|estableci|establec|lanz|instal|traslad|mud|reubic|cre[óa]|puesta)\w*",
    re.I,
)
ISRAEL_LEGISLATURE = re.compile(r"\bKn[eé]s{1,2}et\b")
VOTE_AGAINST = re.compile(r"\ben\s+contra\b|\bconden", re.I)
VOTE_FOR = re.compile(r"\ba\s+favor\b|\bapoy|\brespald", re.I)
NOT_ONLY = re.compile(r"\s+(?:s[oó]lo|solamente|únicamente)\b")

"""What a sentence needs from the sentences before it to be understood.

A brief shows a few sentences out of many; a sentence that leans on one the brief does
not show reads as nonsense ("He said ...", "But the plan failed.", "One of the
suspects ...", a quotation nobody says, "Alcorn" never introduced). This module finds
those needs with cheap, explainable rules (no parse: the brief must stay fast):

- `antecedent`: the sentence opens with a pronoun, a demonstrative, a connective or a
  back-reference ("the two", "the actress", "a year earlier", "The legislation, passed
  ..."), or points back inside ("... at that number"), so it continues the sentence
  before it in its article;
- `speaker`: it is a quotation with nobody saying it, or part of a quotation that an
  earlier or later sentence attributes;
- `names`: people it names by surname only ("Bridges, then 29, ..."), which an earlier
  sentence of the brief must introduce by full name, and things it presents as known
  ("the accord", "The drugs appear ...", "the can" where its article first told of "a
  rusty can", "the door" just after "the exterior door": `points_back`), which an
  earlier sentence must mention.

`Names` indexes the full names of a cluster once; `needs()` then reads one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lazy import OnDemand
from .literals import boundary_behind, led, may_match, needles, screen, searched_past_start

_OPEN_QUOTE = "\"“‘'"

# Openings that continue an earlier sentence. Pronouns and demonstratives refer back;
# connectives answer or extend something said before; back-references name what the
# reader was told before ("the two", "the actress", "the same day").
_PRONOUNS = (r"he|she|they|it|his|her|hers|their|theirs|him|them|its|we|our|us|i|my|me|you|"
             r"your|this|these|those|that|such|both|neither|either|another|others|other|"
             r"the latter|the former|the rest|the others|the pair|the duo|the trio")
_CONNECTIVES = (r"but|and|or|nor|so|yet|also|however|meanwhile|still|instead|moreover|"
                r"furthermore|besides|nevertheless|nonetheless|therefore|thus|hence|"
                r"otherwise|then|later|earlier|afterwards?|likewise|similarly|indeed|"
                r"notwithstanding|"
                r"in addition|in response|in turn|as a result|as well|even so|"
                r"by contrast|in contrast|on the other hand|at the time|that day|"
                r"the same day|the next day|the day before|the following day|"
                r"a (?:moment|minute|day|week|month|year|decade) (?:earlier|later|before|after)|"
                r"(?:moments|minutes|seconds|hours|days|weeks|months|years) (?:earlier|later)|not only|not long after|"
                r"shortly (?:after|before)(?:ward)?|soon after(?:ward)?|until then|"
                r"since then|by then|after that|before that|despite this|because of this|"
                # ("Given this, the industry has become too big."; not "Given that the
                # economy ...")
                r"(?:given (?:this|that|all this)|in light of (?:this|that))(?=,)|"
                r"for (?:his|her|their|its) part|"
                # a qualification of what was told: "If anything they slow the footage ..."
                r"if anything")
_BACK_NOUNS = (r"man|woman|men|women|boy|girl|boys|girls|child|children|teen|teenager|"
               r"teens|couple|pair|duo|trio|two|three|four|five|suspect|suspects|victim|"
               r"victims|officer|officers|official|actress|actor|singer|star|rapper|"
               r"player|athlete|student|teacher|driver|pilot|mother|father|son|daughter|"
               r"wife|husband|brother|sister|brothers|sisters|parents|family|families|"
               r"girlfriend|boyfriend|defendant|accused|gunman|shooter|attacker|killer|"
               r"worker|workers|employee|employees|guard|guards|caseworker|"
               r"baby|infant|toddler|former|latter|deceased|pope|senator|congressman|"
               r"congresswoman|lawmaker|governor|mayor|president|ceo|founder|owner|"
               r"billionaire|comedian|host|author|writer|reporter|journalist|doctor|"
               r"nurse|patient|inmate|prisoner|soldier|veteran|lawyer|attorney|judge|mc|"
               r"musician|band|comic|model|chef|coach|priest|monk|mogul|tycoon|heir|"
               r"heiress|socialite|celebrity|politician|candidate|nominee|lawmakers|"
               r"officials|residents|protesters|researchers|scientists|authors|duo|"
               r"statement|report|study|survey|letter|memo|interview|ruling|verdict|"
               r"decision|move|deal|announcement|incident|attack|crash|accident|"
               r"shooting|case|lawsuit|suit|complaint|probe|investigation|discovery|"
               r"find|finding|findings|episode|show|film|movie|book|album|song|video|"
               r"photo|photos|post|tweet|tweets|comments|remarks|plan|proposal|bill|"
               r"reference|references|remark|comment|allegation|allegations|accusation|"
               r"accusations|revelation|revelations|gaffe|blunder|mistake|error|typo|"
               r"result|upshot|outcome|consequence|reason|answer|irony|catch|problem")
_US = re.compile(r"^[\"“‘']?US\b")  # the United States, not "us"
_DANGLING_OPENING = re.compile(
    rf"^[\"“‘']?\s*(?:(?:{_PRONOUNS})\b|(?:{_CONNECTIVES})\b(?!['’]\w)"
    rf"|(?:first|second|secondly|third|thirdly|fourth|fifth|finally|lastly|next|no|yes|further|"
    rf"if so|if not|worse|worse still|even worse|better still|even better|rather|too|"
    rf"more importantly|most importantly|above all|in short|in sum|in fact|after all|"
    # a comparison with what was told: "Even more alarmingly, ...", "Most notably, ..."
    rf"(?:even |still )?(?:more|most|less) [a-z]+ly|"
    rf"of course|for example|for instance|in other words|by comparison|in comparison|"
    rf"(?:to )?put (?:it )?(?:another way|differently)|said another way|stated differently|"
    rf"aside from that|apart from that|beyond that|besides that|other than that|"
    # a writer's comment on something told before: "Certainly, Nixon couldn't have ..."
    rf"certainly|definitely|clearly|obviously|surely|admittedly|fortunately|unfortunately|luckily|"
    rf"thankfully|sadly|ironically|predictably|not surprisingly|unsurprisingly|"
    # a condition on something told before: "If passed, the third line of the anthem ..."
    rf"if (?:passed|approved|confirmed|adopted|enacted|signed|elected|convicted|found guilty)|"
    rf"at the same time|consequently|accordingly|additionally|conversely|as such|"
    rf"to be sure|that said|even then|all the same|in any case|either way|"
    rf"on top of that|on the contrary|(?:at least )?not (?:yet|now)|not really|not quite|"
    rf"not exactly|"
    rf"in (?:one|another|each|either|both|neither|the other|the first|the second) "
    rf"(?:cases?|instances?)|in the other [a-z]+|in all|all told|"
    # the worst of a list not shown: "In the most serious incident, the Tautog ..."
    rf"in the (?:most [a-z]+|worst|latest|biggest|largest|deadliest) (?:incidents?|cases?|"
    rf"episodes?|instances?|examples?|attacks?|accidents?|collisions?))\s*,|\d\)\s"
    rf"|one of (?:the|them|those|these|his|her|their)\b"
    # "A little over a year later, ...", "Three years later, ...": later than what?
    rf"|(?:(?:a little|just|about|nearly|almost|some|only|more than|less than|a little over|"
    rf"over|barely|roughly) )?(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    rf"several|a few|a couple of|\d+) (?:moment|minute|hour|day|night|week|month|year|"
    rf"decade)s? (?:earlier|later)\b"
    # "Now, however, leading Republicans are against ...": a connective after a time word
    rf"|(?:now|today|still|yet|this time|so far),? (?:however|though|meanwhile|instead|too)\b"
    # "Now that is about to change.": "that" is what was told ("Now that the rains have
    # come, ..." is a clause of its own); "Oh, and ...", "Ah, but she won't ...": the
    # writer's aside goes on from the sentence before
    rf"|now,? that (?:is|was|has|had|will|would|could|may|might)\b"
    rf"|(?:ah|oh|okay|ok),? (?:but|and|so|yet|or)\b"
    # "As awful as that headline is, ...": a thing told before, weighed
    rf"|as [a-z]+ as (?:this|that|these|those) [a-z]+"
    # "Not even in a quiet moment in her living room, ...": not even where else?
    rf"|not even\b(?! (?:\d|a|an|one|two|three|four|five|six|seven|eight|nine|ten|half|"
    rf"a few|close)\b)"  # (not "Not even two weeks after ...": a count)
    # "One would create about 15,000 new vouchers": one of things told before
    rf"|one (?:would|will|is|was|has|had|could|should|might|may|must|can|does|did|also)\b"
    # "Two of them ...", "More than 400 of them, all born in ...", "Some 200 of them ...",
    # "Two-thirds of them ...": of whom?
    rf"|(?:(?:more than|nearly|almost|about|at least|only|fewer than|over|just|roughly|"
    rf"virtually|some) )?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|"
    rf"hundreds|thousands|many|most|some|all|none|several|few|each|both|half|any|"
    rf"(?:one|two|a)[- ](?:thirds?|quarters?|fifths?)|three[- ]quarters) of "
    rf"(?:them|those|these|whom|its|their|his|her)\b"  # ("Some of its commanders ...")
    rf"|plus\b|any other\b"
    # a list's next item: "Next thing is you have to say ...", "The next step is to ..."
    rf"|(?:the )?next (?:thing|step) (?:is|was|will be)\b"
    # a relative clause set as a sentence: "Which is a good thing for ``Star Wars''
    # creator George Lucas.", "Which, as you may have noticed, ..." (a question asks:
    # "Which new play has provoked ...?"; "Which way the court will rule remains unclear.")
    rf"|which(?:\s*,|\s+(?:[a-z]+s|is|was|are|were|has|had|may|might|will|would|could|can|"
    rf"led|made|meant|left|brought)\b)(?![^?:\"“]*\?)"
    # a connective after the first phrase: "Unlike swine flu, however, it can be grown
    # easily in hens' eggs.", "The report, though, ..."
    rf"|[^,;:\"“”]{{1,60}}(?<! and)(?<! but)(?<! or), (?:however|though|meanwhile|nevertheless|"
    rf"nonetheless|instead|therefore|moreover|furthermore|in turn|too|on the other hand|"
    rf"by contrast|in contrast|as a result|in addition|likewise|similarly|after all),"
    # "A second Norwegian vessel ... is also expected to arrive": second after what? (not
    # "A second-degree murder charge was also filed", "A third of the households also ...",
    # nor an "also" of a clause of its own, "... Bryant, who also had 12 rebounds")
    rf"|an? (?:second|third|fourth|fifth)\b(?![-‐]| of\b)"
    rf"(?:(?!\b(?:who|which|that)\b)[^;:]){{1,100}}?\balso\b"
    # a count of things told before as the subject: "Two were boarded, but none were
    # diverted." (a plural verb: "Six is the highest level ..." names a number)
    rf"|(?:two|three|four|five|six|seven|eight|nine|ten|both|none|all) (?:were|are|have|had|"
    rf"will|would|could|remain|remained)\b"
    # "At Sibley, for example, an average of 9.2 births occur daily.": an example of what?
    rf"|[^,;:\"“”]{{1,50}}, for (?:example|instance),"
    # "During the past month, that number has increased ...", "In recent years, those
    # working women could ...": a demonstrative subject after
    # an opening phrase stands for something told before; so does "one of the" ("In
    # November 2009, one of the tickets he bought hit the jackpot.")
    rf"|[^,;:\"“”]{{3,60}}, (?:that|those|these) (?:[a-z]+ ){{1,2}}(?:has|have|had|is|are|was|"
    rf"were|will|would|could)\b"
    rf"|[^,;:\"“”]{{3,60}}, one of (?:the|them|those|these|his|her|their)\b"
    rf"(?! (?:most|least|best|worst|first|last|few|only|top|[a-z]+est)\b)"
    # "Five more were killed on Tuesday.", "Three other states also had deaths ...": more
    # than, other than, those told before
    rf"|(?:(?:at least|at most|about|nearly|almost|more than|fewer than|only|another) )?"
    rf"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens|hundreds|"
    rf"thousands|several|many|a few|some)(?: [a-z-]+)?? (?:more|other)\b(?! than\b)"
    # "At least they're amusing themselves ...": at least, as against what?
    rf"|(?:at least|maybe|perhaps) (?:he|she|they)\b"
    # an aside in brackets: "(As a measure of how fast it grows, the 6th billionth ...)"
    rf"|\((?![A-Z]{{2,}}\w*\)\s)"
    rf"|(?:many|most|some|several|few|half|none|all|each|both)"
    rf"(?: of them| of those| of these)?,? (?:are|were|is|was|had|have|will|would|could|say|said|"
    rf"work(?! (?:remains|is|was|has|had|will|must|continues))|remain|remained|died|"
    # "None seems to work for all."
    rf"seems?|seemed|appears?|appeared)\b"
    # "Each wanted to adopt eight children.", "Both offered luxury service ...": each of whom?
    rf"|(?:each|both) (?:[a-z]{{3,}}ed|has|can|may|might|must|should|also)\b"
    # "Each advertisement was scored ...": each of the ones told before (not "Each year")
    rf"|each (?!(?:year|day|week|month|night|morning|evening|afternoon|time|season|spring|"
    rf"summer|fall|autumn|winter|weekend|decade|century)\b)[a-z]+\b(?! of\b)"
    # "In one case (the man in his 50s ...), ..."
    rf"|in (?:one|another|each|either|the other|the first|the second) (?:case|instance) \("
    # "For him, it's not just a movie.": him, told before
    rf"|(?:for|to|with|like|unlike|against|without|beside|behind|before|after) (?:him|her|them),"
    # "In it, the younger Gadhafi says ...": in what?
    rf"|(?:in|on|under|inside|within|through|from|with|without|after|before|besides) "
    rf"(?-i:it|this|that|these|those),"
    rf"|at least that\b|once again\b|again,|of (?:the|those|these) (?:\w+|\$[\d,.]+)(?:,| (?!of\b))"
    # "The Republican made his comment ...", not "The Republican Party"
    rf"|the (?-i:Republican|Democrat) (?-i:[a-z])"
    rf"|(?:the|both|all)(?: [a-z0-9][\w-]*){{0,2}} (?:{_BACK_NOUNS})\b(?![-'’]))",
    re.I)
# "Frank was reported missing that day ...": a day an earlier sentence told (inside the
# sentence; an opening "That night, ..." dates it against the article, and readers kept
# it; "the same day" is often the same as each other's: "born on the same day").
_THAT_DAY = re.compile(r"(?<=\S) that (?:day|night|morning|afternoon|evening)\b"
                       r"(?! (?:when|that|which|of|in|before|after)\b)")
# "As that same transition takes place in the rest of the world, ...": the same as which?
_THAT_SAME = re.compile(r"\b(?:[Tt]hat|[Tt]his|[Tt]hose|[Tt]hese) same\b(?![-'’])")
# "No-one else has displayed any symptoms.": else than whom?
# (of people: "If nothing else, ..." is a set phrase)
_ELSE = re.compile(r"\b(?:[Nn]o[- ]one|[Nn]obody|[Aa]nyone|[Ss]omeone|[Ee]veryone|[Aa]nybody|"
                   r"[Ss]omebody|[Ee]verybody) else\b")
# "It's possible the numbers could go higher.": figures an earlier sentence gave.
_THE_NUMBERS = re.compile(r"\bthe (?:numbers|figures) (?:could|may|might|will|would|are|were|"
                          r"is|was|have|had|has|show|showed|suggest|suggested)\b")
# "The Corps scheduled a news conference ...": a body by the short name an earlier
# sentence gave it in full ("the Army Corps of Engineers").
_SHORT_NAME = re.compile(
    r"^[\"“‘']?The (?i:Corps|Commission|Committee|Agency|Council|Bureau|Ministry|Board|Panel|"
    r"Tribunal|Institute|Foundation|Authority|Center|Centre)(?:['’]s [a-z]+)? (?:[a-z]{3,}ed|"
    r"was|were|is|are|has|had|have|will|would|could|can|may|might|must|should|did|does|do|"
    r"said|says|told|added|also|then|now|still|later|list|lists|plans?|wants?|calls?|"
    r"voted|votes)\b")
# "It is unclear whether ...", "It was not immediately clear ...", "It was the first time
# ...": an "it" that stands for nothing, which needs no earlier sentence ("It was the
# first crash ever of the sleek jet" stands for a crash told before).
_DUMMY_IT = re.compile(
    r"^[\"“‘']?it(?:['’]s| is| was| has been| had been| will be| would be| remains| seems)"
    r"(?: not| still| also| now)? (?:unclear|not clear|not known|unknown|(?:not )?(?:immediately )?"
    r"clear|possible|likely|unlikely|expected|believed|estimated|thought|reported|alleged|"
    r"feared|hoped|the (?:first|second|third|only|last) time|too early|time|important|hard|"
    r"difficult|easy)\b"
    # "it was announced that ...", not "It was also revealed Friday that ..." (more news
    # of a day told before)
    r"|^[\"“‘']?it(?:['’]s| is| was| has been| had been)(?: now)? (?:announced|confirmed|"
    r"revealed|disclosed|understood|learned)\b"
    # "it emerged that ...", "it appears that ...", "it turns out ..." (not "It seems to
    # be working", "It seems like a tantalizing deal", "It seems so.": it is something)
    r"|^[\"“‘']?it (?:emerged|emerges|appears|appeared|turns out|turned out|seems|seemed)\b"
    r"(?! (?:to(?! me\b)|like|so|as)\b)",
    re.I)
# "The system was designed ...", "The press conference was attended by ...": a subject
# of common nouns with "the" and straight after it a verb refers to something the
# article introduced before (a subject told there, "the system of ...", has no verb
# next). Things every reader knows are excepted.
_DEFINITE_SUBJECT = re.compile(
    r"^[\"“‘']?The (?:[$£€]?\d[\d.,]* (?:billion|million|trillion|percent) )?"
    r"((?:[a-z][a-z-]+(?:['’]s|s['’])? ){0,2}?[a-z][a-z-]+) "
    r"(?:[a-z]{3,}ed|was|were|is|are|has|had|have|will|would|could|can|may|might|must|"
    r"should|did|does|do|said|says|told|added|came|comes|also|then|now|still|later|never|"
    r"only|just|made|took|left|went|became|began|started|remains|remained|appears|"
    r"appeared|seems|seemed|includes|included|involved|"
    r"showed|shows|found|finds|marks|marked)\b")
# "The legislation, passed last year, ...": a subject of common nouns with "the" and an
# aside after it names something the article told before, as the verb form above does.
_DEFINITE_APPOSITION = re.compile(
    r"^[\"“‘']?The ((?:(?!(?:of|for|in|on|at|to|from|with|by|about|over|against|and)\b)"
    r"[a-z][a-z-]+ ){0,2}?[a-z][a-z-]+), ")
# "... ended up at that number", "... in those cases": a preposition and a demonstrative
# before a noun point at something an earlier sentence told (outside quotations: in one,
# "this" is the speaker's). "This week", "these days" date the sentence instead.
_DEMONSTRATIVE_REFERENCE = re.compile(
    r"\b(?:at|of|in|on|for|from|to|with|by|about|over|under|after|before|into|behind|"
    r"during|despite|since|like|against|toward|towards|while|although|though|because|"
    r"whereas|when|if)\s+(that|those|this|these)\s+"
    r"(?!(?:the|a|an|he|she|it|they|we|i|you|his|her|their|its|our|is|was|are|were|has|"
    r"have|had|would|could|will|can|may|might|should|must|does|did|do|not|there|when|if|"
    r"story|report|article)\b)([a-z][a-z'’-]+)", re.I)
_TIME_WORDS = frozenset(
    "week weekend month year morning afternoon evening night season spring summer fall "
    "autumn winter decade century days time year's week's month's season's monday "
    "tuesday wednesday thursday friday saturday sunday".split())
# "... to perform this gesture", "Egyptian authorities dispute that theory.": "this" or
# "these" before a word, or "that" before a word that ends the clause, point back
# wherever they stand (outside quotations), unless the sentence named the thing before
# ("data were collected ..., and these data ...") or they date it ("this week").
_DEMONSTRATIVE_INSIDE = re.compile(
    r"(?<=[a-z,] )(?:this|these)\s+(?!(?:is|was|are|were|and|or|planet|story|report|article)\b)"
    r"([a-z][a-z'’-]+)"
    r"|(?<=[a-z] )that\s+([a-z][a-z'’-]+)\s*[.,;:]"
    # "those" before a noun ("those parachutes may not open"), not for people ("those who",
    # "those killed", "those in need") nor in "one of those things"
    r"|(?<=[a-z,] )(?<!\bone of )those\s+(?!(?:who|whom|whose|which|that|with|in|of|at|on|for|"
    r"from|under|over|are|were|is|was|have|had|will|would|can|could|may|might|[a-z]+ed|"
    r"[a-z]+ing)\b)([a-z][a-z'’-]+)")
# "Chavez criticized such policies ...", "Eastwood's film will leave such people vaguely
# uneasy.": things of the kind told before (not "such policies as ...", which says which).
_SUCH_THINGS = re.compile(r"(?<!\w)[Ss]uch (?!(?:as|a|an|that)\b)"
                          r"(?:[a-z]+s|people|men|women|children)\b(?![^.;:]*\bas\b)")
# "... described that as \"unusual behavior.\"", "... translated that as ...": what
# "that" stands for was told before.
_THAT_AS = re.compile(
    r"\b(?:[a-z]+ed|saw|sees|see|views|view|took|takes|take|read|reads|calls|call|treats|"
    r"treat) that as\b")
# Things a story tells of, which "the" presents as known: "the accord", "the new rules",
# "the video". A sentence that says so needs a sentence of the brief before it that
# mentions the thing (in any words with its noun: "an accord", "the Paris accord" in a
# lead). Defined in place ("the accord on trade", "the plan that ...") it needs none.
_THINGS = (
    "accord|agreement|deal|treaty|pact|plan|proposal|initiative|measure|bill|legislation|"
    "program|programme|project|policy|rule|ban|decision|ruling|verdict|lawsuit|complaint|"
    "probe|investigation|inquiry|report|study|survey|findings|evidence|video|footage|"
    "photo|image|ad|advert|letter|memo|statement|speech|documentary|episode|album|"
    "incident|attack|crash|accident|shooting|explosion|blast|theft|robbery|heist|scandal|"
    "controversy|drama|coincidence|joke|claim|allegation|offer|bid|warning|threat|request|"
    "demonstration|protest|rally|strike|summit|"
    "referendum|campaign|trial|hearing|mistrial|raid|offensive|discovery|outbreak|"
    "drug|vaccine|device|technique|procedure|treatment|app|update|site|experiment|"
    "volunteer|participant|suspect|victim|crime|film|movie|book|song|"
    "appeal|filing|tweet|editorial|communique")
_THING_WORDS = frozenset(w for w in _THINGS.split("|"))
# Words that describe a thing before its noun ("the proposed plan", "the five white
# suspects"); any other word there may be the noun ("the company plans to ...").
_ADJECTIVE = (r"(?:new|latest|proposed|revised|original|first|second|third|final|whole|entire|"
              r"recent|current|former|same|big|huge|small|major|two|three|four|five|six|white|"
              r"black|[a-z]+(?:ed|al|ive|ic|ous|ful|ish|less|ary))")
_DEFINITE_THING = re.compile(
    rf"\b[Tt]he (?:{_ADJECTIVE} ){{0,2}}((?:{_THINGS})s?)\b(?![-'’])"
    r"(?!\s+(?:of|that|which|who|whom|to|in|for|on|at|from|by|between|with|against|over|"
    r"under|about|into|he|she|they|it|we|i|you|[A-Z])\b)(?!\s*\()")
# "Poking at the can was the first step ...", "..., the newspaper reported.": "the" before
# a noun that its article wrote earlier points back at what the article told there (a
# rusty can, which paper); a brief that has not mentioned the noun leaves the reader
# asking which. A lead is written for a fresh reader, and a noun its own article first
# writes there ("the virus") is the story's, not a reference (`read`).
_DEFINITE_NOUN = re.compile(
    rf"\b[Tt]he (?:{_ADJECTIVE} ){{0,2}}([a-z][a-z-]{{2,}})\b(?![-'’])"
    r"(?!\s+(?:of|that|which|who|whom|to|in|for|on|at|from|by|between|with|against|over|"
    r"under|about|into|he|she|they|it|we|i|you|[A-Z])\b)(?!\s*\()")
# Words after "the" that name no thing told before: known to every reader, times,
# places in a text, parts of a whole.
_NOT_ANAPHORIC = frozenset(
    "same other others most first last only best next following former latter rest whole "
    "entire latest way fact end past future world country nation people area region side "
    "top bottom beginning middle start time moment day days week year years month night "
    "morning afternoon evening weekend today news media public press government police "
    "military economy market army navy state city town capital border coast north south "
    "east west age number amount lot kind sort type part half majority minority "
    "united ground air sky floor scene".split())
_LOWER_WORD = re.compile(r"(?<!\w)[a-z]+(?![\w'’-])")  # a thing's noun, not "ad-hoc"
# Words after "the" that are no noun: "the injured and ...", "the wounded could ...",
# "the two", and the adjectives `_ADJECTIVE` lists ("the new method in ...", where the
# noun has a phrase after it that says which).
_NO_NOUNS = frozenset({
    "and", "or", "but", "nor", "for", "yet", "so", "was", "were", "are", "is", "am", "be",
    "has", "have", "had", "been", "being", "not", "also", "could", "would", "should",
    "might", "must", "did", "does", "do", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "eleven", "twelve", "dozen", "new", "proposed", "revised",
    "original", "recent", "current", "big", "huge", "small", "second", "third"})
# "The drugs appear to be ...", "The reports cast a new cloud ...", "Most of the crimes
# were planned ...": any noun that opens a sentence after "the", with a verb straight
# after it, is presented as known, as "the accord" is: it needs a sentence of the brief
# before it that mentions the noun. (The verbs of _DEFINITE_SUBJECT, sure signs of a
# back-reference, need the sentence before in the article instead.)
_SUBJECT_VERB = (
    r"appears?|casts?|includes?|requires?|comes?|constitutes?|contains?|consists?|costs?|"
    r"cuts?|gets?|gives?|holds?|keeps?|lacks?|means?|needs?|offers?|provides?|puts?|"
    r"remain|runs?|seem|shows?|stands?|suggests?|takes?|tells?|wants?|faces?|fears?|"
    r"expires?|delivers?|allows?|affects?|covers?|involves?|leads?|looks?|makes?|"
    r"plays?|raises?|reflects?|represents?|serves?|stays?|uses?|works?|"
    r"depends?|relies?|borders?|lies|sits?|ranks?|boasts?|hosts?|exports?|imports?|"
    r"was|were|is|are|has|had|have|will|would|could|can|may|might|must|should|"
    r"[a-z]+n['’]t")
_NOT_NOUN = (r"(?:said|says|told|he|she|they|it|we|i|you|who|that|which|and|or|but|of|in|on|"
             r"at|to|for|with|by|from|have|has|had|is|are|was|were|also|now|once|itself)\b")
# "The Miami relatives might ...", "The Paris patient is ...": a place or name before the
# noun does not make it known.
_SUBJECT_THING = re.compile(
    r"^[\"“‘']?(?:The|(?:Most|Some|Many|All|None|Few|Several|Each|Both|Half|One|Two|Three) "
    rf"of the) (?:[A-Z][a-z]+(?:['’]s)? )?(?:(?!{_NOT_NOUN})[a-z][a-z-]* ){{0,2}}?"
    rf"(?!{_NOT_NOUN}|[a-z]+ly\b)([a-z][a-z-]+) "
    r"(?:(?:very|more|most) )?"
    rf"(?:[a-z]+ly )?(?:{_SUBJECT_VERB})\b")
_KNOWN_TO_ALL = frozenset(
    "market stock market economy public weather world president government police "
    "military internet sun moon earth pope queen king weekend night morning "
    "administration".split())
# "Then-President ...", "That's why": both still refer back; "This week", "This year",
# "That night" date the sentence against the article and read well alone in a brief of
# the same news.
_TIME_DEMONSTRATIVE = re.compile(
    r"^[\"“‘']?(?:this|that|last|next) (?:week|weekend|month|year|morning|afternoon|evening|"
    r"night|spring|summer|fall|autumn|winter|season|time)\b", re.I)

# A verb of saying outside the quotation tells who speaks.
_SAYING = re.compile(
    r"\b(?:said|says|say|told|tells|tell|asked|asks|added|adds|wrote|writes|write|tweeted|"
    r"tweets|posted|explained|explains|noted|notes|stated|states|continued|continues|"
    r"recalled|recalls|insisted|insists|argued|argues|warned|warns|claimed|claims|"
    r"declared|declares|announced|announces|replied|replies|responded|responds|joked|"
    r"jokes|admitted|admits|acknowledged|acknowledges|quipped|testified|testifies|"
    r"described|describes|according to|in a statement|in an interview|reports|reported|"
    r"shared|shares|captioned|exclaimed|observed|observes|remarked|remarks|concluded|"
    r"concludes|predicted|predicts|urged|urges|pleaded|begged|vowed|vows|promised|"
    r"promises|confirmed|confirms|revealed|reveals|suggested|suggests|called|calls|"
    r"titled|entitled|headlined|dubbed)\b", re.I)
# A pronoun that says who speaks ("..., he said.", '"...," they told reporters.'): the
# reader must already know who "he" is.
_PRONOUN_SPEAKER = re.compile(
    r"(?:^\s*|[,;:\"”’']\s*)(?:he|she|they|we|i|it)\s+(?:\w+ly\s+)?"
    r"(?:said|says|told|tells|added|adds|wrote|writes|tweeted|explained|continued|"
    r"recalled|insisted|asked|noted|joked|"
    # "they" speaks in the plural: '"...," they write.'
    r"say|write|tell|add|note|argue|claim|explain|insist|warn|contend|conclude|"
    r"replied|warned|argued|claimed|pledged|vowed|stressed|conceded|admitted|"
    r"acknowledged|suggested|emphasi[sz]ed|cautioned|countered|predicted|responded|"
    r"announced|testified|pointed out|went on)\b"
    r"|\b(?:said|says|added|adds|asked|wrote|continued)\s+(?:he|she|they)\s*[.,;]", re.I)
# Roles and bodies that say things ("the minister", "the group"); after the quotation
# ('"...," said the minister') only these, since "said the report" names a thing, which
# `things` reads.
_ROLE_NOUNS = (r"minister|spokesman|spokeswoman|spokesperson|official|officials|chairman|"
               r"chairwoman|director|leader|chief|commander|ambassador|secretary|prosecutor|"
               r"sheriff|president|governor|mayor|senator|agency|group|company|firm|ministry|"
               r"man|woman|officer|actress|actor|singer|star|player|coach|lawyer|attorney|"
               r"judge|doctor|suspect|victim|mother|father|source|sources|witness|witnesses|"
               r"activist|activists|analyst|analysts|expert|experts|worker|workers|survivor|"
               r"survivors|resident|neighbor|neighbour|friend|relative|pilot|driver|"
               r"general|colonel|admiral|captain|sergeant|lieutenant|professor|researcher|"
               r"scientist|author")
_SPEAKER_NOUNS = _BACK_NOUNS + "|" + _ROLE_NOUNS
# A speaker named by a role the article gave before ('"...," the Michigan Democrat said.',
# "..., the actress told reporters.", '"...," said the minister.', "..., said the official
# with the city's commission", '"...," another diplomat said.'): the reader must already
# know who that is.
_DEFINITE_SPEAKER = re.compile(
    r"(?:^\s*|[,;:\"”’']\s*)the\s+(?:(?:[A-Z][a-z]+\s+){0,3}(?:Democrat|Republican)s?|"
    rf"(?:[a-z]+\s+){{0,2}}(?:{_SPEAKER_NOUNS}))\s+(?:\w+ly\s+)?(?:said|says|told|tells|added|"
    r"adds|wrote|writes|tweeted|explained|noted|recalled|insisted)\b"
    # '"...," said the minister.'
    r"|(?:^|[,\"”’'])\s*(?:said|says|added|adds|wrote|writes|explained|noted)\s+the\s+"
    rf"(?:[a-z]+\s+){{0,2}}(?:{_ROLE_NOUNS})(?:\s*[.,;]|\s+(?:with|from|at)\s)"
    # "..., the satement added.": whoever adds said something before
    r"|[,”\"]\s*the\s+(?:[a-z]+\s+){0,2}[a-z]+\s+(?:added|adds)\s*[.!?]"
    # '"...," another diplomat said.': another than the one quoted before
    r"|(?:^\s*|[,;:\"”’']\s*)another\s+(?:[a-z]+\s+){0,2}?[a-z]+\s+(?:said|says|told|tells|"
    r"added|adds)\b|(?:^|[,\"”’'])\s*(?:said|says|added|adds)\s+another\s+(?:[a-z]+\s+){0,2}?"
    r"[a-z]+\s*[.,;]")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’(?![a-z])|''[^']*''|``[^']*''")

# Names: two to four name words ("Jeffny Pally", "Abu Bakr al-Baghdadi", "J. Smith");
# titles and other capitalized non-names before a name are not part of it.
# Mixed-case surnames count: McConnell, MacArthur, O'Sullivan, DeVos, LeBron.
# "al-Obeidy", "el-Sisi": a surname with a lower-case particle is still a name.
_PREFIXED = r"(?:(?:al|el)-)?(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le)?[A-Z][a-z]+"
_WORD = _PREFIXED + r"(?:[-'’][A-Za-z]+)*"
_SURNAME = _PREFIXED + r"(?:[-'’][A-Z]?[a-z]+)?"
# The particles of names, in small letters ("Ali al-Mahmudi", "Jan van Dijk", "Sergio
# Valencia del Toro")
_PARTICLES = "al|el|bin|ibn|de|da|del|di|van|von|der|den|le|la|du"
_NAME_TOKEN = rf"(?:{_WORD}|[A-Z]\.|(?:{_PARTICLES})(?:-{_WORD})?)"
_FULL_NAME = re.compile(rf"(?<![\w.'’-])(?:{_WORD}|[A-Z]\.)(?:\s+{_NAME_TOKEN}){{1,6}}(?<=[a-z])(?![\w-])")
_CAPITALIZED_WORD = re.compile(rf"(?<![\w'’-]){_WORD}(?![\w-])")
_POSSESSIVE = re.compile(r"['’]s?$")
_ATTRIBUTIVE = re.compile(rf"\b(?:the|a|an)\s+({_WORD})\s+[a-z]", re.I)
# ... or a place or body named after the person: "Reagan National Airport", "Trump Tower",
# "Johnson County", "the Kennedy Center"
_PLACE_NAMED_AFTER = re.compile(
    rf"({_WORD})\s+(?:National\s+|International\s+)?(?:Airport|County|Tower|Center|Centre|"
    r"Memorial|Bridge|Library|Stadium|Square|Street|Avenue|Boulevard|Building|Park|"
    r"Institute|University|College|School|Hospital|Foundation|Doctrine)\b")
# A role before a surname introduces the person well enough ("President Trump",
# "Sen. Graham", "Judge Olivera"); "Mr." or "Ms." alone does not, nor "Dr" or "Prof."
# ("Dr Fukuda said ..." leaves the reader asking who he is).
_ROLE = re.compile(
    r"\b(?:President|Vice President|Prime Minister|Chancellor|Secretary|Sen|Senator|Rep|"
    r"Representative|Gov|Governor|Mayor|Gen|General|Adm|Admiral|Col|Colonel|Lt|Capt|Sgt|"
    r"Judge|Justice|Pope|King|Queen|Prince|Princess|Chief|Sheriff|"
    r"Detective|Officer|Coach|Ambassador|Commissioner|Minister|Speaker|Leader|"
    r"Archbishop|Bishop|Cardinal|Rabbi|Imam|Rev|Reverend|Sir|Dame|Lord|Lady|"
    r"Attorney General|Director|CEO|Chairman|Chairwoman)\.?\s+(" + _SURNAME + ")")
_TITLES = frozenset(
    "mr mrs ms miss dr sen senator rep representative gov governor president pres vice "
    "prime minister secretary gen general lt col colonel sgt sergeant maj major capt "
    "captain cmdr adm admiral judge justice officer detective det chief sheriff deputy "
    "prof professor rev reverend father sister brother pope king queen prince princess "
    "lord lady sir dame mayor attorney coach agent trooper corporal cpl pvt private "
    "chancellor ambassador commissioner inspector superintendent supt chairman chairwoman "
    "st saint".split())
# Capitalized words that open a sentence or a name-like run without being a name.
_NOT_NAMES = frozenset(
    "the a an and but or in on at of for to from with by as if when while after before "
    "since until this that these those his her their its our my your it he she they we "
    "i you there here what who which where how why yes no not one two three four five "
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december today yesterday "
    "tonight last next new now then later also still meanwhile however "
    "north south east west northern southern eastern western "
    "united national international american british chinese russian french german "
    "european african asian islamic muslim christian catholic jewish democratic "
    "republican democrat republicans democrats federal state states city county "
    "university college school police department court house senate congress church "
    "street avenue road river lake mount park island islands bay valley hospital news "
    "times post journal daily press associated reuters company inc corp group party "
    "army navy air force forces ministry council committee office agency service "
    "center centre institute foundation museum airport station club team league cup "
    "world war day year week month government administration society association "
    "commission bureau authority network organization organisation herald tribune "
    "globe sun star mail telegraph guardian observer gazette review magazine channel "
    "fund bank corporation foundation trust council union alliance coalition front "
    "movement brigade regiment division squad club "
    # the heads of companies', teams' and things' names ("Malaysia Airlines said",
    # "the West Nile Virus", "the Atlantic Ocean"), which the cues take for surnames
    "airlines airways airline motors technologies systems wireless online communications "
    "pictures studios records observatory laboratory oasis ocean sea marathon flight "
    "virus awards festival games academy nation indians tribe islanders saints "
    "embassy consulate dollars pounds euros shillings rupees "
    # places' and peoples' words before a place's name ("Central Texas", "Canadian Embassy")
    "central southeast southwest northeast northwest greater upper lower downtown "
    "canadian mexican spanish italian japanese korean indian pakistani iraqi iranian "
    "syrian israeli palestinian afghan turkish egyptian saudi libyan cuban brazilian "
    "australian irish scottish dutch swiss swedish polish ukrainian nigerian kenyan "
    "saharan".split()
) | _TITLES


@dataclass(frozen=True)
class Needs:
    """What a sentence needs before it: `antecedent` (the sentence before it in its
    article), `speaker` (someone to say the quotation), `names` (full names the brief
    must give first)."""

    antecedent: bool = False
    speaker: bool = False
    names: frozenset[str] = frozenset()

    @property
    def standalone(self) -> bool:
        """Needs nothing a brief could give it by reordering: no antecedent, a speaker."""
        return not (self.antecedent or self.speaker)

    @property
    def none(self) -> bool:
        return self.standalone and not self.names


class _NamesWhenAsked(Needs):
    """`Needs` whose `names` are read the first time they are asked (speed: a brief asks
    a sentence's opening needs more often than its names, the costly part); it equals
    the `Needs` of the same values."""

    def __init__(self, antecedent: bool = False, speaker: bool = False,
                 names: frozenset[str] = frozenset(), *, later=None):
        object.__setattr__(self, "antecedent", antecedent)
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "_names", names if later is None else None)
        object.__setattr__(self, "_later", later)

    @property
    def names(self) -> frozenset[str]:
        if self._names is None:
            object.__setattr__(self, "_names", self._later())
        return self._names

    def _values(self) -> tuple:
        return self.antecedent, self.speaker, self.names

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Needs):
            return NotImplemented
        return self._values() == (other.antecedent, other.speaker, other.names)

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return repr(Needs(*self._values()))


class Names:
    """The people of a cluster: their full names, and the surnames that stand for them.

    A surname counts only when the cluster shows it is a person's: written after a
    title ("Mr. Stallone"), before a verb of saying ("Olivera said"), or with an age
    ("Bridges, then 29,"), or when its full name appears so. Places and organisations
    written the same way ("Northern Ireland" and "Ireland") therefore rarely count.
    """

    def __init__(self, texts: Iterable[str]):
        full: dict[str, set[str]] = {}
        self._full_names: dict[str, list[str]] = {}  # each text's, read once
        self._texts = texts = list(texts)
        for text in texts:
            found = self._full_names[text] = full_names(text)
            for name in found:
                full.setdefault(name.split()[-1], set()).add(name)
        # A particle's surname in small letters ("Ali al-Mahmudi") as a sentence's first word
        # writes it ("Al-Mahmudi said ..."): the same person's (not the other way round: an
        # organisation's "Al-Qaeda" glued to a name in a headline is no "al-Qaeda" person).
        self._capitalized: set[str] = set()
        for last in list(full):
            if last[:1].islower() and len(forms := case_forms(last)) == 2:
                full.setdefault(forms[1], set()).update(full[last])
                self._capitalized.add(forms[1])
        # The last words of full names, each a surname if a cue in the cluster names it
        # (`is_person`, asked when a sentence writes it).
        self._full = {last: frozenset(names) for last, names in full.items()}
        self._lasts = tuple(full)
        # Given names that stand for one person ("Frank" of Frank Macomber), to the surname
        # a brief must give first; not one that is also a surname, nor a word that often
        # opens a sentence ("Will", "May"), nor (asked when a sentence writes it:
        # `_given_alone`) an ordinary word of the cluster (`_common`: "Despite Mercer's").
        given: dict[str, set[str]] = {}
        for last, names in full.items():
            for name in names:  # a given name and a surname, or with an initial between
                words = name.split()
                if len(words) == 2 or len(words) == 3 and _INITIAL.fullmatch(words[1]):
                    given.setdefault(words[0], set()).add(last)
        self._given = {first: next(iter(lasts)) for first, lasts in given.items()
                       if len(lasts) == 1 and first not in full and first not in _NOT_GIVEN
                       and first[-1:].islower() and first.isalpha()}
        self._person: dict[str, bool] = {}
        self._ordinary: dict[str, bool] = {}  # `_common`'s answers, by word
        self._cues: dict[str, set[str]] = {}
        self._introduced: dict[str, frozenset[str]] = {}
        # Acronyms the cluster spells out ("the College Athletes Players Association, or
        # CAPA", "television station WANE", "Name (ACR)"): a
        # brief that uses one needs a sentence that spells it out first, as a surname
        # needs its full name (or a lead that uses it: a lead is written for a fresh reader).
        self._acronyms = frozenset(a for text in texts for a in _defined_acronyms(text))
        self._compound: frozenset[str] | None = None  # (`compound_surnames`, when asked)

    @property
    def compound_surnames(self) -> frozenset[str]:
        """The surnames of two words joined by a particle ("Valencia del Toro", "Van
        Pelt"), which read as full names, but which the cluster first writes after a given
        name ("Sergio Valencia del Toro", as a writer introduces a person; "El Nino" comes
        before "During El Nino"): alone, they introduce no one."""
        if self._compound is None:
            self._compound = frozenset(
                name for names in self._full.values() for name in names
                if _COMPOUND_SURNAME.search(name) and self._first_after_given_name(name, names))
        return self._compound

    def _first_after_given_name(self, name: str, names: Iterable[str]) -> bool:
        """Whether the first text that writes `name` writes it as the tail of one of
        `names`, after words the cluster never writes as ordinary words (a given name)."""
        first = next((text for text in self._texts if name in text), "")
        return any(_word_tail(name, other) and other in first
                   and not any(w.lower() in _NOT_NAMES or self._common(w)
                               for w in other.split()[:-len(name.split())])
                   for other in names)

    @property
    def surnames(self) -> dict[str, frozenset[str]]:
        """Each surname that stands for a person, with the full names it ends."""
        return {last: names for last, names in self._full.items() if self.is_person(last)}

    def is_person(self, last: str) -> bool:
        """Whether a cue of the cluster names `last` as a person's, and not every full
        name it ends is mostly written after "the" ("the Red Cross says", "the Syrian
        Observatory said": an organisation says things too) or has no given name
        (`_no_given_name`: "Without Quebec, ...", "Outgoing Northwestern"). A cue's name
        is written in its text, so only the texts that write `last` are read for cues,
        and each text once: most sentences are never read (the same answers as reading
        all)."""
        found = self._person.get(last)
        if found is None:
            forms = (case_forms(last) if last[:1].islower() or last in self._capitalized
                     else (last,))
            found = self._person[last] = (
                any(form in self._cued(text) for form in forms
                    for text in self._texts if form in text)
                and not all(self._mostly_after_the(name) or self._no_given_name(name)
                            for name in self._full[last]))
        return found

    def _no_given_name(self, name: str) -> bool:
        """Whether every word of full name `name` before its last is an ordinary word
        (`_common`), a compound ("French-speaking Quebec", "Seattle-based Amazon") or a
        present participle ("Outgoing Northwestern"): no given name ("Lawyer Kathleen
        O'Sullivan" has one)."""
        return all(word not in _GIVEN_WORDS and (
            _COMPOUND_WORD.fullmatch(word) or _PARTICIPLE.fullmatch(word) or self._common(word))
            for word in name.split()[:-1])

    def _mostly_after_the(self, name: str) -> bool:
        """Whether the cluster writes `name` after "the" at least half the times it writes
        it ("the Academy Awards"; not "the Stephen Lawrence inquiry" among 37)."""
        written = after_the = 0
        for text in self._texts:
            if name in text:
                found, after = _written_after_the(name, text)
                written += found
                after_the += after
        return written > 0 and 2 * after_the >= written

    def _common(self, word: str) -> bool:
        """Whether the cluster writes `word` in small letters ("despite", "stock"), or
        mostly after "the" ("the Syrian army", "the Dakhleh Oasis"): not a given name."""
        found = self._ordinary.get(word)
        if found is None:
            lowered = word.lower()
            found = self._ordinary[word] = (
                any(_written_alone(lowered, text) for text in self._texts if lowered in text)
                or self._mostly_after_the(word))
        return found

    def _cued(self, text: str) -> set[str]:
        found = self._cues.get(text)
        if found is None:
            found = self._cues[text] = _person_cues(text)
        return found

    def _written(self, text: str) -> bool:
        """Whether `text` writes a surname (none written: none named or used)."""
        return any(last in text and self.is_person(last) for last in self._lasts)

    def introduced(self, text: str) -> frozenset[str]:
        """The surnames whose person `text` names in full, or with their role, and the
        things it mentions other than as known ("#accord" for "an accord")."""
        found = self._introduced.get(text)
        if found is None:
            found = self._introduces(text) | things(text)[1] | _mentions(text)
            if self._acronyms:
                found |= _defined_acronyms(text)
            self._introduced[text] = found
        return found

    def _introduces(self, text: str) -> frozenset[str]:
        if not self._written(text):  # none written: none named
            return frozenset()
        names = self._full_names.get(text)
        named = {name.split()[-1] for name in (full_names(text) if names is None else names)
                 if name not in self.compound_surnames}
        named.update(_POSSESSIVE.sub("", m.group(1)) for m in _ROLE.finditer(text))
        named.update([case_forms(n)[-1] for n in named if n[:1].islower()])
        return frozenset(n for n in named if n in self._full and self.is_person(n))

    def used(self, text: str) -> frozenset[str]:
        """The surnames `text` uses alone, without the full name or a role (a surname
        after an article names a thing, not the person: "the Trump administration"), and
        those of the people it calls by their given name alone ("Frank was reported
        missing")."""
        known = known_things(text)
        if self._acronyms:
            known |= self.acronyms_used(text)
        written = self._written(text)  # none written: none used
        if not written and not self._given:
            return known
        words = _capitalized_words(text)  # (read once, for given names and surnames)
        known |= self._given_alone(words, text)
        if not written:
            return known
        given = self.introduced(text)
        attributive = {m.group(1) for m in _ATTRIBUTIVE.finditer(text)}
        attributive.update(m.group(1) for m in _PLACE_NAMED_AFTER.finditer(text))
        return frozenset(w for w in words
                         if w in self._full and self.is_person(w) and w not in given
                         and w not in attributive) | known

    def acronyms_used(self, text: str) -> frozenset[str]:
        """The acronyms of the cluster that `text` uses without spelling them out."""
        used = {a for a in self._acronyms if _written_as_word(a, text)}
        return frozenset(used - _defined_acronyms(text)) if used else frozenset()

    def _given_alone(self, words: list[str], text: str) -> frozenset[str]:
        """The surnames of the people `text` (its capitalized `words`) calls by their
        given name without the surname."""
        lasts = ((w, self._given.get(w)) for w in words)
        return frozenset(last for w, last in lasts
                         if last is not None and last not in text and not self._common(w)
                         and self.is_person(last))


_INITIAL = re.compile(r"[A-Z]\.")
_COMPOUND_WORD = re.compile(r"[A-Z][a-z]*-[a-z][\w-]*")
_PARTICIPLE = re.compile(r"[A-Z][a-z]{3,}ing")
# Words that open sentences as often as they name someone.
_NOT_GIVEN = frozenset("Will May Mark Hope Art Bill Grant Chase Young Rich Faith Sun Star "
                       "King Price Long Little Love Major General".split())
# Given names that are words too: a long story writes "bill" or "mark" somewhere, and
# "Vice Adm. Bill Gortney" still has a given name ("Gortney said" needs him introduced).
_GIVEN_WORDS = frozenset("Bill Mark Frank Dan Rich Grant Bob Jack Pat Don Ray Guy Dean Gene "
                         "Ken Carol Jean Earl Bud Herb Sandy Wade Glen Dale Reed Cliff Rod "
                         "Nick Drew Dick".split())
# How an article spells out an acronym: after a name, in brackets ("Keurig Green Mountain
# (NASDAQ:GMCR)") or after ", or" ("the College Athletes Players Association, or CAPA"), or
# after what it is ("television station WANE").
_ACRONYM_DEFINED = re.compile(
    r"[A-Z][\w&'’-]*[a-z](?:\s(?:of|for|and|the|on|in|[A-Z][\w&'’-]*))*"
    r"(?:\s\((?:(?:NASDAQ|NYSE|Nasdaq|LSE|TSX|AMEX|OTC|ASX)\s*:\s*)?([A-Z]{2,6})\)"
    r"|,\sor\s([A-Z]{2,6})\b)"
    r"|\b(?:station|network|newspaper|channel|affiliate|outlet|broadcaster)\s([A-Z]{3,6})\b")
# Acronyms every reader knows, spelled out or not.
KNOWN_ACRONYMS = frozenset(
    "FBI CIA NSA NASA NATO UN US USA UK EU CNN BBC NBC ABC CBS PBS NPR AP AFP NFL NBA MLB "
    "NHL NCAA FDA CDC WHO IRS EPA DNA HIV AIDS CEO CFO GOP ISIS IMF TSA FAA SEC FCC DOJ DHS "
    "ICE NYPD LAPD MIT UCLA USC ESPN HBO MTV GPS TV UFO OPEC ATM PC".split())


@lru_cache(maxsize=20_000)  # (asked of each text by the cluster's Names and by its reading)
def _defined_acronyms(text: str) -> frozenset[str]:
    """The acronyms `text` spells out (`_ACRONYM_DEFINED`), but the ones all know."""
    if "(" not in text and ", or" not in text and "station" not in text and not any(
            w in text for w in ("network", "newspaper", "channel", "affiliate", "outlet",
                                "broadcaster")):
        return frozenset()
    found = {a for m in _ACRONYM_DEFINED.finditer(text) for a in m.groups() if a}
    return frozenset(found - KNOWN_ACRONYMS)


# Speed only: `Names._mostly_after_the` and `Names._common` read a name's places in a text
# with `str.find`, not with a pattern compiled for each name (names seldom repeat: 4,188
# patterns compiled for 200 Multi-News clusters, a tenth of the brief's time). The same
# answers as the patterns in their docstrings (tests/test_fast_paths.py); `\b` and `\w`
# as sre reads them.
def _word_edge(text: str, at: int) -> bool:
    """`\\b` at `at`: a word character on one side only (`\\w`: `isalnum()` or "_")."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    return before != (at < len(text) and (text[at].isalnum() or text[at] == "_"))


def _written_as_word(word: str, text: str) -> bool:
    """`bool(re.search(r"\\b" + re.escape(word) + r"\\b", text))`, for a word of word
    characters ("SDF-led" writes "SDF"), without a pattern compiled for it."""
    at = text.find(word)
    while at >= 0:
        if _word_edge(text, at) and _word_edge(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def _written_after_the(name: str, text: str) -> tuple[int, int]:
    """How many matches `re.finditer(r"(\\bthe )?\\b" + re.escape(name) + r"\\b", text)`
    gives, and how many of them hold "the "."""
    if name[:1] in ("", "t", "h", "e", " "):  # (it could start inside a "the ": rare)
        matches = list(re.finditer(r"(\bthe )?\b" + re.escape(name) + r"\b", text))
        return len(matches), sum(m.group(1) is not None for m in matches)
    written = after_the = done = 0  # (`done`: where the last match ended)
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if _word_edge(text, at) and _word_edge(text, end):
            if at - 4 >= done and text.startswith("the ", at - 4) and _word_edge(text, at - 4):
                after_the += 1
            written += 1
            done = end
        at = text.find(name, max(at + 1, done))
    return written, after_the


def _written_alone(word: str, text: str) -> bool:
    """`re.search(r"(?<![\\w-])" + re.escape(word) + r"(?![\\w-])", text)`: `word`
    written with no word character nor hyphen against it."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and (text[at - 1].isalnum() or text[at - 1] in "_-")) and not (
                end < len(text) and (text[end].isalnum() or text[end] in "_-")):
            return True
        at = text.find(word, at + 1)
    return False


def known_things(text: str) -> frozenset[str]:
    """The things and nouns `text` presents as known ("the accord", "The drugs appear")."""
    known, subject = things(text)[0], subject_thing(text)
    return known if subject is None else known | {subject}


@lru_cache(maxsize=20_000)
def subject_thing(text: str) -> str | None:
    """The key ("#drug") of the noun that opens `text` as known (`_SUBJECT_THING`), if
    that noun is not one every reader knows ("the market") and `text` does not
    mention it again in other words."""
    match = _SUBJECT_THING.match(text)
    if match is None or match.group(1) in _KNOWN_TO_ALL or _DEFINITE_SUBJECT.match(text):
        return None  # ("The cheaters were ..." needs the sentence before it, which tells)
    key = _noun_key(match.group(1))
    words = [_noun_key(w) for w in _lower_words(text)]
    return key if words.count(key) == 1 else None


@lru_cache(maxsize=20_000)
def definite_nouns(text: str) -> frozenset[str]:
    """The nouns `text` writes only after "the" (`_DEFINITE_NOUN`, and before a "to" of
    purpose: `_FOR_A_PURPOSE`), as keys ("#can"); whether they point back depends on what
    their article wrote before (`read`)."""
    found = {m.group(1) for m in _DEFINITE_NOUN.finditer(text)}
    if " to " in text:
        found.update(m.group(2) for m in _FOR_A_PURPOSE.finditer(text)
                     if not _takes_to(m.group(2)) and not _WHICH_ONE.search(m.group(1)))
    found = {w for w in found if not w.endswith("ly") and w not in _NO_NOUNS and not any(
        form in _NOT_ANAPHORIC or form in _KNOWN_TO_ALL or form in _TIME_WORDS
        for form in (w, w[:-1] if w.endswith("s") else w))}
    if not found:
        return frozenset()
    keys = _noun_keys(text)
    return frozenset(k for k in map(_noun_key, found) if keys.get(k) == 1)


# "People gathered at the party to build a float": "to" and a verb after a thing's noun
# tell what for, not which one, as "of ..." would; "the decision to resign" (`_TAKES_TO`)
# and "the first woman to lead" say which. "The increase to two percent", "sent the
# letter to his lawyer" have no verb after "to": they may say which, as "of" does.
# Such a noun is no mention of the thing (`_mentions`), and points back where its article
# told of it before (`points_back`).
_FOR_A_PURPOSE = re.compile(
    rf"\b[Tt]he ((?:{_ADJECTIVE} ){{0,2}})(?![a-z]+(?:ed|ing)\b)([a-z][a-z-]{{2,}}) to "
    r"(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|him|them|me|us|it|"
    r"you|be|one|two|three|four|five|six|seven|eight|nine|ten|some|any|all|every|each|no|"
    r"next|last|what|whoever|whatever|who|where|how)\b)[a-z]")
_WHICH_ONE = re.compile(r"\b(?:first|second|third|latest)\b")  # (the ordinals _ADJECTIVE lists)
_TAKES_TO = frozenset(
    "decision plan effort attempt bid move push order right ability chance opportunity "
    "way time need call request offer agreement deal proposal vote campaign drive "
    "permission power authority money fund courage desire urge pressure motion ruling "
    "legislation bill law measure program initiative intention goal aim mission task job "
    "duty obligation refusal failure willingness reluctance commitment promise pledge "
    "threat warning invitation license licence approval go-ahead green-light deadline "
    "means resource tool strength will freedom answer response reaction road path key "
    "secret trick idea hope wish temptation incentive reason case argument race rush "
    "fight struggle quest battle".split())


def _takes_to(word: str) -> bool:
    return word in _TAKES_TO or word[-1:] == "s" and word[:-1] in _TAKES_TO


def _introduced_as_new(key: str, text: str, before: re.Pattern | None = None) -> bool:
    """`text` introduces the noun of `key` as something new: "a rusty can", "an appeal"
    (or, with `before`, writes it after what that pattern matches: `_described`)."""
    noun = key[1:]
    at = text.find(noun)
    while at >= 0:  # only around each place the noun is written (a sentence is long)
        if _as_new_within(noun, text, max(0, at - 60), at + len(noun) + 2, before):
            return True
        at = text.find(noun, at + 1)
    return False


# What `_as_new(key)` matches before its noun, up to the noun (speed: one pattern for
# every noun, not one compiled per noun; `_as_new_within` is tested against `_as_new`)
_AS_NEW_BEFORE = re.compile(r"\b(?:[Aa]n?|[Aa]nother) (?:[\w-]+ ){0,2}\Z")


def _as_new_within(noun: str, text: str, start: int, end: int,
                   before: re.Pattern | None = None) -> bool:
    """`bool(_as_new("#" + noun).search(text, start, end))`: the noun written in the
    window after "a", "an" or "another" and up to two words (or what `before` matches),
    then "s" or not, then a word's end (the window's end is the text's end to the
    pattern)."""
    before = before or _AS_NEW_BEFORE
    end = min(end, len(text))
    at = text.find(noun, start, end)
    while at >= 0:
        after = at + len(noun)
        if (at > start and text[at - 1] == " " and (_boundary(text, after, end) or (
                after < end and text[after] == "s" and _boundary(text, after + 1, end)))
                and before.search(text, start, at)):
            return True
        at = text.find(noun, at + 1, end)
    return False


def _boundary(text: str, at: int, end: int) -> bool:
    """A word boundary ("\\b") at `at` (after at least one character), `end` taken for
    the text's end."""
    before = text[at - 1].isalnum() or text[at - 1] == "_"
    return before != (at < end and (text[at].isalnum() or text[at] == "_"))


@lru_cache(maxsize=4096)
def _as_new(key: str) -> re.Pattern:
    return re.compile(rf"\b(?:[Aa]n?|[Aa]nother) (?:[\w-]+ ){{0,2}}{re.escape(key[1:])}s?\b")


def _mentions(text: str) -> frozenset[str]:
    """The nouns `text` mentions other than as known (a sentence that says "a rusty can"
    or "drugs" lets a later one say "the can", "The drugs appear ...")."""
    keys = set(_noun_keys(text)) - things(text)[0] - definite_nouns(text)
    keys.discard(subject_thing(text))  # (which `text` mentions once)
    return frozenset(keys)


@lru_cache(maxsize=20_000)
def _noun_keys(text: str) -> dict[str, int]:
    """How often `text` writes each lower-case word, by its key ("#can")."""
    counts: dict[str, int] = {}
    for w in _lower_words(text):
        key = _noun_key(w)
        counts[key] = counts.get(key, 0) + 1
    return counts


@lru_cache(maxsize=20_000)
def _lower_words(text: str) -> tuple[str, ...]:
    """`_LOWER_WORD`'s words of `text` in lower case (speed: read once for the three rules
    that ask, `things`, `_noun_keys` and `subject_thing`)."""
    return tuple(_LOWER_WORD.findall(text.lower()))


def _noun_key(word: str) -> str:
    return "#" + (word[:-1] if word.endswith("s") and not word.endswith("ss") else word)


@lru_cache(maxsize=20_000)
def things(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The things `text` presents as known ("the accord"), and those it mentions
    otherwise ("an accord", "accords"), as keys "#accord"."""
    mentioned = [_thing_key(w) for w in _lower_words(text)
                 if w in _THING_WORDS or w[-1:] == "s" and w[:-1] in _THING_WORDS]
    if not mentioned:  # most sentences name none: no search for "the ..."
        return frozenset(), frozenset()
    needed = [_thing_key(m.group(1)) for m in _DEFINITE_THING.finditer(text)]
    for key in needed:
        mentioned.remove(key)
    return frozenset(needed) - frozenset(mentioned), frozenset(mentioned)


def _thing_key(word: str) -> str:
    word = word.lower()
    return "#" + (word[:-1] if word not in _THING_WORDS and word[:-1] in _THING_WORDS else word)


def needs(text: str, names: Names | None = None) -> Needs:
    """What `text` needs from the sentences before it (see the module's docstring)."""
    antecedent, speaker = _opening_needs(text)
    used = names.used(text) if names is not None else frozenset()
    return Needs(antecedent, speaker, used)


@lru_cache(maxsize=20_000)
def _opening_needs(text: str) -> tuple[bool, bool]:
    return _leans_back(text), _needs_speaker(text)


# "White House spokesman Jay Carney said Friday.": who said a quotation that went before,
# set as a sentence of its own: a name's last word before the verb, no clause's word before
# it (not "... than he says.", "Exports could prove weaker than Governor Jane Roe says.")
_ATTRIBUTION_ALONE = re.compile(
    r"^(?!.*\b(?:than|that|what|how|as|if|because|when|could|would|will|may|might|can|is|are|"
    r"was|were)\b)(?:[\w.'’-]+ ){0,7}[A-Z][\w.'’-]+ (?:said|says|added|adds|wrote|writes)"
    r"(?: (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?: morning| afternoon| evening| night)?| yesterday| today| last week| this week)?"
    r"(?: in a statement| on Twitter)?\.$")


def _leans_back(text: str) -> bool:
    """An opening that continues an earlier sentence. In a quotation, the words are the
    speaker's own ("I", "it" are theirs): what counts is who says them ("he said")."""
    if _closes_unopened(text) or _replies(text):
        return True
    if _starts_quoted(text):
        outside = _QUOTED.sub(" ", text)
        return (_pronoun_speaker(outside) or _definite_speaker(outside)
                or bool(_QUOTE_GOES_ON.match(text)))
    if _pronoun_speaker(text) or _definite_speaker(text):
        return True
    if _ATTRIBUTION_ALONE.match(text) or _DEFINITION.match(text):
        return True
    if _SHORT_NAME.match(text) or (_THE_NUMBERS.search(text)  # (rare: then outside quotes)
                                   and _THE_NUMBERS.search(_QUOTED.sub(" ", text))):
        return True
    if _stands_anyway(text):
        return _pronoun_after_time(text)
    subject = _DEFINITE_SUBJECT.match(text) or _DEFINITE_APPOSITION.match(text)
    if subject and subject.group(1) not in _KNOWN_TO_ALL:
        return True
    if (_DANGLING_OPENING.match(text) or _PRONOUN_AFTER_OPENING.match(text)
            or _PRONOUN_CLAUSES.match(text)):
        return True
    adverb = _ADVERB_THEN_PRONOUN.match(text)
    if adverb and not _DUMMY_IT.match(text[adverb.end():]):
        return True
    outside = _QUOTED.sub(" ", text)
    low = screen(outside)  # (for the needles of the rules below: speed only)
    if "later" in outside and _LATER.search(outside):
        return True
    if " the time" in outside and _AT_THE_TIME.search(outside):
        return True
    if _TOLD_OF.search(outside) or _ends_on_reference(outside):
        return True
    if "here" in outside and _HERE.search(outside):
        return True
    if ("too" in outside or "still" in outside) and _ALSO_AT_END.search(outside):
        return True
    if _ANOTHER_STORY.match(text):
        return True
    if (may_match(_SELF_REFERENCE_NEEDLES, low) and _SELF_REFERENCE.search(outside)
            or may_match(_LIKE_BEFORE_NEEDLES, low) and _LIKE_BEFORE.search(outside)):
        return True
    if may_match(_DEMONSTRATIVES, low) and any(
            m.group(1).lower() in ("that", "those") or m.group(2).lower() not in _TIME_WORDS
            for m in _DEMONSTRATIVE_REFERENCE.finditer(outside)):
        return True
    if " that as " in outside and _THAT_AS.search(outside):
        return True
    if "uch " in outside and _SUCH_THINGS.search(outside):
        return True
    if _unnamed_person(outside) or _unnamed_group(outside) or _unnamed_epithet(outside):
        return True
    if " that " in outside and _THAT_DAY.search(outside):
        return True
    if "same" in outside and _THAT_SAME.search(outside):
        return True
    if " else" in outside and _ELSE.search(outside):
        return True
    for m in _DEMONSTRATIVE_INSIDE.finditer(outside):
        noun = (m.group(1) or m.group(2) or m.group(3)).lower()
        if noun not in _TIME_WORDS and noun not in outside[:m.start()].lower():
            return True
    return False


# A reply to a question the sentence does not ask: "“I just want a father,” Mr. Luu
# replied." (not "Asked whether ..., she replied: ...", nor "responded to the charges")
# ("answers" is as often the noun: "they had no answers.")
_REPLY = led(re.compile(r"\b(?:replied|replies|answered|retorted|retorts|responded|responds)"
                        r"(?=\s*[.,:;]|\s+(?:that|simply|flatly|curtly|quickly)\b)"))
_ASKING = re.compile(r"\b(?:asked|asking|question|questioned)\b|\?", re.IGNORECASE)


def _replies(text: str) -> bool:
    # (the quotations cut only from a text that has a reply's verb: speed)
    return (_REPLY.search(text) is not None and not _ASKING.search(text)
            and _REPLY.search(_QUOTED.sub(" ", text)) is not None)


# A word's meaning, given for a word the sentence before used: "To alter something means
# “to make different ...”", "The term “swatting” refers to ..."
_DEFINITION = re.compile(r"(?:To [a-z]+ (?:something|someone|somebody|anything) means|"
                         r"The (?:word|term|phrase) [\"“‘']?[\w -]{1,30}[\"”’']? "
                         r"(?:means|refers to|is defined as))\b")


# A quotation that goes on from what its speaker said before: "“That's when I went straight
# to Elkhart ...,” said Pasztor.", "“That is why we left.”"
# "“Those two facts are a match of the gold heist ...,” the newspaper reported.", "“These are
# the earliest recorded uses ...,” Mayor said.": things the speaker listed before.
_QUOTE_GOES_ON = re.compile(r"[\"“‘']\s*(?:(?:that['’]s|that (?:is|was)|this is|it was then) "
                            r"(?:when|why|what|how|where|because)\b|(?-i:These|Those)\b)", re.I)


# "Now, in the Treasury's conference room, she was being pushed hard.": "he" or "she"
# as the subject after an opening phrase (a preposition, a time, a clause: no name can
# stand first, as in "Gorsuch pledged that, if confirmed, he ...") leans back as one
# that opens does.
_PRONOUN_AFTER_OPENING = re.compile(
    r"^(?:In|On|At|For|By|From|After|Before|During|Since|Until|Within|Without|Over|Under|"
    r"Through|Throughout|Despite|Unlike|Once|Now|Then|Still|Instead|Later|Earlier|Today|"
    r"Yesterday|Last|When|While|As|Although|Though|Because|If|Unless|Asked|[A-Z][a-z]+ing|"
    # (a participle after its adverb: "Numbly handing over ... identity card, he was told")
    r"[A-Z][a-z]+ly [a-z]+ing)"
    r"\b(?:[^,;:\"“”]{0,80}, ){1,2}(?:he|she)\b"
    # and with no comma after a time or a place: "At a news conference Friday she called ..."
    r"|^(?:In|On|At|For|By|After|Before|During|Since|Until|Within|Over|Under|Through|Despite|"
    r"Last|Earlier|Later)\s[^,;:\"“”]{3,60}?\s(?:he|she)\s[a-z]+"
    # and after any one word: "Inside, they are a little different."
    r"|^[A-Z][a-z]+, (?:he|she|they)\s[a-z]+"
    # and after a participle's phrase, whose subject the sentence never names: "Born in
    # 1950, he moved ...", "Known by critics as the gag rule, its scope ..."
    r"|^(?:[A-Z][a-z]+ed|Born|Known|Seen|Raised|Built|Held|Made|Given|Taken|Written|Shown|"
    r"Kept|Caught|Brought)\b[^,;:\"“”]{0,80}, (?:he|she|it|its|they|their|his|her)\b"
    # and after a phrase that sets the sentence against a time or a choice told before:
    # "Right now, she has it all in mutual funds ...", "Rather than buying financial
    # products, they would have bought things."
    r"|^(?:Right now|For now|Rather than)\b[^,;:\"“”]{0,80}, (?:he|she|they)\b"
    # and inside an opening clause, when no capitalized word (a name it could stand for)
    # and no "the" or "a" phrase opens what follows: "After he was adopted and brought to
    # America, some of his memories were edged out ..."; not "When he took his walk ...,
    # Gingrich was recognized ...", "If they approve a settlement, the Flint workers could
    # ...", "After she was fired, a former aide sued ...", nor "As they left the stadium,
    # fans sang ..." (they: the fans)
    r"|^(?:After|Before|When|Whenever|While|As|Because|Although|Though|If|Unless|Since|"
    r"Until|Once|Even (?:though|as|if)) (?:(?:he|she)\b[^,;:\"“”]{0,100}, (?!(?:the|an?)\b)[a-z]|"
    r"they\b[^,;:\"“”]{0,100}, (?:there|it|its|he|she|his|her|their)\b)[^:;A-Z]*(?:[:;]|$)")
# "Police said her injuries were not life-threatening.": "her" stands for someone only an
# earlier sentence names, when nothing in the sentence names anyone (a capitalized word
# other than a group that speaks, "Police", might: "In his speech, Obama said ...") and no
# noun for a person comes before it ("A mechanic ... helped pull her to safety").
_SINGULAR_PRONOUN = re.compile(r"(?<=[^\w\"“])(?:he|she|him|her|his|hers|himself|herself)\b")
_NAME_WORD = re.compile(r"(?!(?:Police|Officials|Authorities|Investigators|Prosecutors|Doctors|"
                        r"Witnesses|Relatives|Neighbors|Neighbours|Friends|Family|Reports|"
                        r"Records|Documents|Experts|Researchers|Scientists|Officers|No|The|A|An)"
                        r"\b)[A-Z][a-z]")
_PERSON_BEFORE = re.compile(rf"\b(?:{_BACK_NOUNS}|someone|person|people|patient|mechanic|"
                            r"nurse|doctor|judge|lawyer|attorney|model|host|leader|"
                            r"spokesman|spokeswoman|chief|director|friend|neighbor|neighbour|"
                            r"resident|client|customer|passenger|inmate|witness|animal)s?\b", re.I)


# ... nor when a group that speaks opens it, the pronoun straight after what they said:
# "Rescuers said she had survived by drinking water from a bath.", "Lottery officials said
# he chose ...", "Officials said it seemed he had become trapped ..." (a group is no "he")
_GROUP_SAID = re.compile(
    r"(?:The |[A-Z][a-z]+ )?(?i:officials|rescuers|sources|police|authorities|doctors|"
    r"prosecutors|investigators|witnesses|relatives|neighbou?rs|friends|officers|aides|"
    r"lawyers|residents|villagers|survivors|colleagues|teachers|experts) "
    r"(?:said|say|says|told (?:reporters|the [A-Z]\w+))(?: on [A-Z][a-z]+day)?,?(?: that)?"
    r"(?: it (?:seemed|appeared))? (?:he|she|his|her)\b")


def _unnamed_person(outside: str) -> bool:
    """A singular pronoun for someone the sentence does not name (`_SINGULAR_PRONOUN`,
    `_GROUP_SAID`); `outside` is the sentence without its quotations."""
    if not (" he" in outside or " his" in outside or " him" in outside or " she" in outside
            or " her" in outside):
        return False
    if _GROUP_SAID.match(outside):
        return True
    pronoun = _SINGULAR_PRONOUN.search(outside)
    return bool(pronoun and not _NAME_WORD.search(outside)
                and not _PERSON_BEFORE.search(outside, 0, pronoun.start()))


# "For the 22-year-old, an avid football fan, his odds ... have improved.", "Police said
# the 22-year-old had been arrested.": someone known by age alone is someone an earlier
# sentence named, unless the sentence names or calls a person before it ("Skier Kira Roe
# was hurt after the 21-year-old landed ...", "The body of the blond girl ... hours after
# her parents reported the 6-year-old child missing"). Only a person: the age stands
# alone, before a verb or a person's noun ("the 22-year-old man"), not a thing's ("the
# 40-year-old ban"). 20 statements of the Multi-News dev and DUC 2006 articles. So is
# someone known by an award alone: "The Oscar winner's line of $7 panties ... went on
# sale" (which of the three stars named before?), not "The Oscar winner Jim Broadbent".
_AWARDS = ("Oscar", "Grammy", "Emmy", "Tony", "Nobel", "Pulitzer")
_EPITHET = re.compile(r"\b[Tt]he (?:\d{1,3}-year-old|(?:" + "|".join(_AWARDS) + ")"
                      r"(?: Peace)?(?: Prize)?(?:[- ]winner|[- ]winning|[- ]nominated| laureate))"
                      r"(?:[,.;:)]|['’]s\b| (?:" + _BACK_NOUNS + r"|was|is|had|has|have|said|"
                      r"says|told|will|would|could|can|may|might|[a-z]+ed)\b)")
_TWO_NAMES = re.compile(r"\b[A-Z][\w'’-]+ [A-Z][\w'’-]+")
_NAMED_BEFORE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")
_NAMED_AFTER = re.compile(r"(?<=,)\s*[A-Z][\w'’-]+ [A-Z][\w'’-]+")
_PERSON_NOUN = re.compile(rf"\b(?:{_BACK_NOUNS})\b")


def _unnamed_epithet(outside: str) -> bool:
    """Someone called "the N-year-old" or "the Oscar winner" whom the sentence does not
    name or call by a person's noun before (`_EPITHET`); `outside` is the sentence without
    its quotations."""
    match = (_EPITHET.search(outside)
             if "-year-old" in outside or any(a in outside for a in _AWARDS) else None)
    if match is None:
        return False
    before = outside[:match.start()]
    # (named just before or after it: "Obama, the Nobel laureate, defended ...", "The Tony
    # winner, Lin-Manuel Miranda, will host ...")
    return not (_TWO_NAMES.search(before) or _PERSON_NOUN.search(before)
                or _NAMED_BEFORE.search(before) or _NAMED_AFTER.match(outside, match.end()))


# "The temperature inside their capsule will be about 50 degrees.", "There is no
# "solution" to their stories.": "they", "their" or "them" stand for a group only an
# earlier sentence names, when nothing before it in the sentence could be that group
# (`_GROUP`, or two things joined by "and" or "or": "Police said they ...", "The publicist
# and the promoter said they ...") and it is not a group named just after an opening
# phrase that holds the pronoun ("As they left the stadium, fans sang ..."). In the
# Multi-News dev and DUC 2006 articles it flags 712 statements, 199 that no other rule
# does; of 40 of those read, about three in four lean back indeed (the misses: a group
# named after the opening phrase by names or an irregular plural, "Damon and Affleck",
# "the mice", "the chinook"; "the wealthy").
_PLURAL_PRONOUN = re.compile(r"(?<=[^\w\"“])(?:they|their|them|themselves)\b")
# What may be the group: a plural ("officials", "Democrats", "families"; not "was", "its",
# "news", nor the "-is", "-us", "-ss" of "crisis", "status", "boss"), a group's noun
# ("police", "the couple's"), a quantifier ("many", "both"), an acronym ("LFO"). A name
# is left out: a person is no "they", and a company seldom is in news.
_GROUP = (r"(?!(?:was|has|does|its|always|perhaps|news|series|yes|whereas|besides|towards|"
          r"afterwards|sometimes|lens|plus)\b)[A-Za-z]*[a-z][^siu\W'’]s|[A-Za-z]+ies|"
          r"(?i:(?:people|men|women|children|police|staff|crew|team|family|public|group|"
          r"government|company|couple|pair|tribe|army|military|party|jury|panel|board|"
          r"committee|council|administration)(?:['’]s)?|both|all|each|many|most|some|several|"
          r"few|others|everyone|everybody|anyone|someone|who|whoever)|[A-Z]{2,}")
_GROUP_BEFORE = re.compile(rf"(?<![\w'’])(?:{_GROUP})(?![\w'’])| and | or ")
_GROUP_AFTER_OPENING = re.compile(
    r"(?:(?:the|many|most|some|all|both|these|those|two|three|young|older|other)\s+)*"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{_GROUP})(?![\w'’])")


def _unnamed_group(outside: str) -> bool:
    """A plural pronoun for a group the sentence does not name (see `_PLURAL_PRONOUN`);
    `outside` is the sentence without its quotations."""
    if "the" not in outside:  # (what every pronoun's match holds)
        return False
    pronoun = _PLURAL_PRONOUN.search(outside)
    if pronoun is None or _GROUP_BEFORE.search(outside, 0, pronoun.start()):
        return False
    comma = outside.find(", ", pronoun.end())
    return not (comma != -1 and "," not in outside[:pronoun.start()]
                and _GROUP_AFTER_OPENING.match(outside, comma + 2))


# "Apparently, it's stealing its fire ...": "it" or "they" after a writer's adverb, and
# "he", "she", "it" or "they" after a word of time ("Now it's coming back _ in 83 days,
# to be precise.": what is?), unless the "it" stands for nothing (`_DUMMY_IT`:
# "Apparently, it is unclear ...", "Yesterday it emerged that ...").
_ADVERB_THEN_PRONOUN = re.compile(r"[A-Z][a-z]+ly, (?=(?:it|they)\b)"
                                  r"|(?:Now|Today|Tonight|Soon|Yesterday),? "
                                  r"(?=(?:he|she|it|they)\b)")
# "If it is oil, it's not the first oil slick ...", "When she and friends checked his
# apartment they found ...": a clause opened by a pronoun and a main clause whose subject
# is one too both stand for someone the sentence never names (as "Before he entered the
# box, Dark Mofo curator Jarrod Rawlins said ..." names him). "When it comes to" stands
# for nothing.
_PRONOUN_CLAUSES = re.compile(
    r"^[\"“‘']?(?:If|When|Whenever|Although|Though|Even though|Even if|Because|While|Since|"
    r"Once|Unless|Until|As|After|Before)\s+(?:he|she|it|they|his|her|its|their)\b"
    r"(?! comes? to\b)[^,.;:\"“”]{0,160}?"
    r"(?:,\s*(?:[a-z]+(?: [a-z]+)?,\s*)?(?:he|she|it|they)\b|\s(?:he|she|they)\s[a-z]{3,})")
# "As we noted above, ...", "(see below)", "From the above post, ...": the writer points at
# the rest of the page.
_SELF_REFERENCE = re.compile(
    r"\b(?:[Aa]s (?:we|I) (?:noted|said|mentioned|reported|wrote|explained|discussed)|"
    r"(?:noted|mentioned|described|discussed|explained|reported|shown) (?:above|below)|"
    r"[Ss]ee (?:above|below)|[Tt]he above)\b")


# "... might have a similar effect.", "... are still seeing the same problems.": like
# something told before, and the sentence ends without saying what.
_LIKE_BEFORE = re.compile(r"\b(?:a similar|the same) [a-z]+[.!?]?[\"”’']?\s*$"
                          # "Maybe brands subconsciously realize that, because ...": that what?
                          r"|(?<=[a-z] )(?<!said )(?<!says )(?<!so )that\s*[,.;:!?]")


def _closes_unopened(text: str) -> bool:
    """It closes a quotation that an earlier sentence opened ("... a lot of houses.''",
    '..., said Angelay.”'): it goes on from that sentence."""
    for openings, closing in (("“\"", "”"), (("``", '"'), "''")):
        end = text.find(closing)
        if end >= 0 and not any(0 <= text.find(opening) < end for opening in openings):
            return True
    return False


# "NATO began bombing military targets a short time later.": later than an event the
# brief may not tell.
_LATER = re.compile(
    r"\b(?:a short time|moments|a (?:day|week|month|year)|(?:several|a few|two|three|four|"
    r"five|six|seven|eight|nine|ten) (?:minutes|hours|days|weeks|months|years)) later\.$")
# "Officials at the time promised a 12 percent increase": the time of something told
# before ("at the time of the crash" says which).
_AT_THE_TIME = re.compile(r"\bat the time\b(?! of\b| when\b| that\b)")
# "Police said the man was arrested.", "A spokesman said the female worker fell ill.":
# a person the reader was told of before, as the subject of what is reported.
_TOLD_OF = re.compile(
    r"\b(?:said|says|say|told [a-z]+|added|reported)\s+(?:that\s+)?the\s+(?:[a-z-]+\s+){0,2}"
    r"(?:man|woman|men|women|boy|girl|child|teen|teenager|couple|suspect|suspects|victim|"
    r"victims|officer|worker|driver|pilot|patient|gunman|shooter|attacker|witness|student|"
    r"baby|soldier|inmate|defendant)s?\b(?!\s+(?:of|who|whom|that|which|in|at|from|with)\b)")
# "..., but Walker refused to do that.", "... to achieve this.": a demonstrative that ends
# the sentence stands for something said before.
# "..., and his loss is being felt here deeply.", "The cabinet here approved ...": the
# place is the dateline's, which a brief does not show (an article's lead reads alone,
# as the lead paragraph it opens: `read`).
_HERE = re.compile(r"\b[Hh]ere\b(?!['’]s| (?:is|are|and there)\b)")
# "Vogt-Roberts knows what to do with actors too.", "Butt's links may go back further
# still.": as well as, or beyond, something told before.
_ALSO_AT_END = re.compile(r"(?<=[a-z,]) too[.!?]\s*$|\b(?:further|more|worse|better|"
                          r"stranger|odder) still\b")
_ENDS_ON_REFERENCE = re.compile(r"\b[a-z]+ (?:this|that|these|those)[.!?]\s*$")
# (speed: what every match's text ends with but its spaces; sre would try the pattern at
# every position of every sentence)
_REFERENCE_ENDS = tuple(f"{word}{stop}" for word in ("this", "that", "these", "those")
                        for stop in ".!?")


def _ends_on_reference(text: str) -> bool:
    """`bool(_ENDS_ON_REFERENCE.search(text))`, searched only in a text that ends so."""
    return text.rstrip().endswith(_REFERENCE_ENDS) and bool(_ENDS_ON_REFERENCE.search(text))
_PERSONAL_PRONOUN = re.compile(r"^[\"“‘']?(?:he|she|they|his|her|their|him|them)\b", re.I)


def tells_here(text: str) -> bool:
    """"here" or "this hill town" outside quotation marks: the place of the dateline,
    which the brief does not print ("... participated in rescue efforts here last week",
    "Pope Francis traveled Saturday to this hill town south of Rome ...")."""
    outside = _QUOTED.sub(" ", text)
    return bool("ere" in outside and _HERE.search(outside)
                or "this " in outside and _THIS_PLACE.search(outside))


_THIS_PLACE = re.compile(r"\bthis (?:[a-z]+ ){0,2}(?:town|city|village|capital|island|port)\b")


# "In unrelated cases, Denver prosecutors charged ...": another story, by its own words,
# even as an article's first sentence (a round-up's next item).
_ANOTHER_STORY = re.compile(
    r"^In (?:an? |other )?(?:unrelated|separate) (?:cases?|incidents?|news|developments?|moves?)\b")


def _opens_with_pronoun(text: str) -> bool:
    """It opens with a pronoun for a person ("She has played ..."), whom only the
    headline or a photo can have told, or for a thing the headline named ("Its street
    names include ...", "Each of them shows ...", "It is about rape as a weapon ...": the
    three such first sentences of the dev articles, each on a page that begins below its
    story's start)."""
    return bool(_PERSONAL_PRONOUN.match(text) or _HEADLINE_THING.match(text))


_HEADLINE_THING = re.compile(
    r"[\"“]?(?:(?:Each|Some|Many|All|Both|None|One|Most|Several|Few|Neither|Either|Half) of "
    r"(?:them|its|their)\b|It(?:['’]s| is) (?:about (?!time\b|\d)|called\b)|Its\b)")
# (not "Some of those who fled ...", told there; nor "It was about 3 a.m. when ...",
# "It's about time ...")


def is_aside(text: str) -> bool:
    """A whole sentence in brackets, "(The justice famously has a great sense of humor,
    once citing Dr. Seuss in a dissent.)": the writer's aside, which both hunt readers
    named a stray line in each brief that showed one; or a note on the reporting that
    tells no news, "Government officials in Tripoli were not immediately available for
    comment." (a story page's readers called it filler)."""
    return (text.startswith("(") and text.rstrip(".!?").endswith(")") and ")" not in text[:-2]
            or "omment" in text and bool(_NO_COMMENT.match(text)))


# Who could not be asked, as a whole sentence: "... were not immediately available for
# comment.", "... declined to comment on Monday.", "... did not return phone calls
# seeking comment Monday."; not what they declined to comment on ("... declined to
# comment on evidence in the case."), nor "The miners could not be reached.", nor a
# sentence that tells something first ("The report could not be confirmed and ...",
# "Apple fired its chief executive on Friday and declined to comment.")
_NO_COMMENT = re.compile(
    r"[A-Z](?:(?!\b(?:and|but|or|was|were|is|are|has|have|had|did|could|would|said|says)\b)"
    r"[^\"“”;:()])"
    r"{0,150}?\b(?:(?:was|were|could|would|is|are) not (?:be )?(?:immediately )?"
    r"(?:available|reached) for comment|declined (?:to )?comment|did not (?:immediately )?"
    r"(?:return|respond to|reply to|answer) (?:[a-z-]+ ){0,3}?(?:calls?|messages?|requests?|"
    r"inquiries|e-?mails?)(?: (?:seeking|for|requesting) comment)?)"
    r"(?: (?:on|about) (?:the|this|that) (?:case|matter|reports?|lawsuit|investigation|"
    r"allegations?|claims?))?(?:,? (?:on )?(?:late |early )?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|yesterday|today)(?: morning| afternoon| evening| night)?)?"
    r"[.!]$")


def points_at_told(text: str) -> bool:
    """A "that" after a preposition points at something told before ("... no ambulances
    were called to that pre-K center on Friday"; not "during those many naps they take",
    which the sentence itself tells): as an article's first sentence, the page was cut
    out of a longer story, and it is no lead."""
    outside = _QUOTED.sub(" ", text)
    return "that " in outside and any(
        m.group(1).lower() == "that" and m.group(2).lower() not in _TIME_WORDS
        and not _RELATIVE_NEXT.match(outside, m.end())
        for m in _DEMONSTRATIVE_REFERENCE.finditer(outside))


# "... during that part of the year which ...": a relative clause says what "that" is.
_RELATIVE_NEXT = re.compile(r"(?:[\w'’-]* )?(?:who|which|that|where|when|whose)\b")


def opens_mid_story(text: str) -> bool:
    """An opening pronoun or connective ("Then, near the intersection ...", "Of the 12
    arrested, ..."): even as the first sentence of its article, the page was cut out of
    a longer story there, and it is no lead."""
    return not _starts_quoted(text) and bool(_MID_STORY.match(text)) and not _stands_anyway(text)


def _stands_anyway(text: str) -> bool:
    """An opening that looks back but does not: "It is unclear ...", "This week ...",
    "US forces ..."."""
    return bool(_DUMMY_IT.match(text) or _TIME_DEMONSTRATIVE.match(text) or _US.match(text))


# "Last spring, he reached an agreement ...": "he" or "she" after an opening of time that
# stands anyway (`_TIME_DEMONSTRATIVE`) stands for someone told before.
_PRONOUN_AFTER_TIME = re.compile(r",?\s*(?:he|she|they)\b")


def _pronoun_after_time(text: str) -> bool:
    opening = _TIME_DEMONSTRATIVE.match(text)
    return opening is not None and bool(_PRONOUN_AFTER_TIME.match(text, opening.end()))


_MID_STORY = re.compile(
    rf"^(?:(?:{_PRONOUNS})\b|(?:{_CONNECTIVES})\b(?!['’]\w)"
    rf"|one of (?:the|them|those|these|his|her|their)\b|of (?:the|those|these) \w+ (?!of\b))",
    re.I)


_SPEAKER_VERBS = needles(_PRONOUN_SPEAKER)  # no verb of saying, no search (literals.py)


def _pronoun_speaker(text: str) -> bool:
    return may_match(_SPEAKER_VERBS, screen(text)) and _PRONOUN_SPEAKER_FOUND(text)


def _definite_speaker(text: str) -> bool:
    return may_match(_DEFINITE_SPEAKER_VERBS, screen(text)) and _DEFINITE_SPEAKER_FOUND(text)


# (speed: their searches, tried past a text's start only where a quote mark or a comma
# stands, or a verb of saying's first letter; literals.py)
_PRONOUN_SPEAKER_FOUND = searched_past_start(_PRONOUN_SPEAKER)
_DEFINITE_SPEAKER_FOUND = searched_past_start(_DEFINITE_SPEAKER)


def _starts_quoted(text: str) -> bool:
    """Whether `text` opens with a quotation: a quote mark, unless it marks a title that
    the sentence goes on from (`_QUOTED_TITLE`)."""
    stripped = text.lstrip()
    return (bool(stripped) and (stripped[0] in _OPEN_QUOTE or stripped.startswith("``"))
            and not _QUOTED_TITLE.match(stripped))


def quoted_title(text: str) -> bool:
    """Whether `text` opens with a title in quotation marks (`_QUOTED_TITLE`)."""
    return bool(_QUOTED_TITLE.match(text.lstrip()))


# A title in quotation marks that opens a sentence: a few words without a stop or a comma
# inside, then the sentence goes on in small letters ('"La La Land" producer Jordan
# Horowitz interrupts ...', '“Moonlight” walked away with best picture honors ...').
_QUOTED_TITLE = re.compile(r"(?:\"[A-Z0-9][^\".,!?;:]{0,50}?\"|“[A-Z0-9][^”.,!?;:]{0,50}?”"
                           r"|``[A-Z0-9][^'.,!?;:]{0,50}?'')\s+[a-z]")


def _needs_speaker(text: str) -> bool:
    """A quotation that no one in the sentence says: it opens with a quote mark and no
    verb of saying stands outside the quoted words, or it opens a quotation that it
    does not close (the next sentence goes on quoting, and says who speaks). So does a
    writer's own voice outside quotation marks ("I have understood ...", "our list",
    "If you have any frustrations ..."): in a brief it reads as nobody's."""
    if opens_quotation(text):
        return True
    if not _starts_quoted(text):
        outside = _QUOTED.sub(" ", text)
        if (_FIRST_SINGULAR.search(outside)  # (found in it too: its quotes need not go)
                and _FIRST_SINGULAR.search(_SINGLE_QUOTED.sub(" ", outside))
                and not _TRAILING_SPEAKER.search(outside)):
            return True  # "Françoise called me and said ...": the writer's "me"
        if _WRITER_SUBJECT.match(outside) and not _TRAILING_SPEAKER.search(outside):
            return True  # ("Our monitoring ... revealed that ...", not "We ..., the union said.")
        return bool(_FIRST_OR_SECOND_PERSON.search(outside)) and not _SAYING.search(outside)
    stripped = text.lstrip()
    if _unclosed(stripped):
        return True
    outside = _QUOTED.sub(" ", stripped)
    return not _SAYING.search(outside)


# the first person singular; not an initialism's letter ("H.N.I.C.") nor a numeral
# ("World War I", "Title I")
_ROMAN_ONE = "".join(rf"(?<!{w} )" for w in (
    "World War", "Phase", "Title", "Section", "Part", "Chapter", "Class", "Type", "Stage",
    "Grade", "Level", "Article", "Book", "Volume", "Act", "Division", "Category", "Tier",
    "Episode", "Schedule"))
_I = rf"(?<![A-Za-z]\.){_ROMAN_ONE}I(?!\.[A-Za-z])|I['’]m|I['’]ve|I['’]d|I['’]ll|[Mm]y|[Mm]e"
# What "our" shares with every reader, not the writer's: "our ancestors", "our planet".
_HUMANKIND = (r"(?:own )?(?:ancestors|forebears|species|planet|solar system|galaxy|universe|"
              r"civilization)\b")
_FIRST_OR_SECOND_PERSON = re.compile(
    rf"\b(?:{_I}|[Yy]ou|[Yy]ou['’](?:re|ve|d|ll)|"
    r"[Yy]our|"
    # the writer's "we" (an op-ed, a blog, a press release: "We are, just now, stuck between
    # eras."), or a quotation's whose opening quote mark stood in an earlier sentence
    r"[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Uu]s|"
    # not humankind's "our": "... evolved to protect our ancestors from the cold."
    rf"[Oo]ur(?! {_HUMANKIND})|"
    # a paper's authors: "Here we show evidence that ...", "We report that ..."
    r"[Hh]ere,? we|[Ww]e (?:show|report|present|describe|demonstrate|propose))\b"
    # the writer's place: "Every race is a real fight here." (the dateline said where)
    r"|\bhere(?=\.$)")


# A sentence whose subject is the writer's "we" or "our ...", even one that reports
# ("Our monitoring of the web revealed that ...", "We reported last week that ..."): a
# saying verb does not make it someone else's words; a speaker after it does ("We will
# not back down, the union said.").
_WRITER_SUBJECT = re.compile(rf"We\s|Our\s(?!{_HUMANKIND})")
# The writer's "I", "me" or "let's" outside quotation marks is nobody's in a brief, even in
# a sentence that reports speech ("One day, Françoise called me and said ...").
_FIRST_SINGULAR = re.compile(rf"\b(?:{_I}|[Ll]et['’]s)\b")
# a headline's straight single quotes: "'I want you to be mine' was one text message"
_SINGLE_QUOTED = re.compile(r"(?:^|(?<=\s))'[^']+'(?=[\s.,;:]|$)")
# "I have never been this tired, the runner told reporters.": speech without quotation
# marks, its speaker named at the end.
_TRAILING_SPEAKER = re.compile(r",\s+(?:[\w.'’-]+\s+){1,5}(?:said|says|told|tells|added|adds|"
                               r"wrote|writes|recalled|explained)(?:\s+[\w.'’-]+){0,3}[.!?]$")


def says_who(text: str) -> bool:
    """Whether `text`, right after a quotation nobody says, tells who says it: it goes on
    quoting and names its speaker outside the quotation marks, or it opens with the
    speaker and a verb of saying, or a verb of saying follows a closing quote mark. A
    sentence that merely holds "said" ("Aides have said they would like ...") does not."""
    stripped = text.lstrip()
    if _starts_quoted(stripped):
        return bool(_SAYING.search(_QUOTED.sub(" ", stripped)))
    return bool(_SPEAKER_FIRST.match(stripped) or _SAID_AFTER_QUOTE.search(stripped))


_SPEAKER_FIRST = re.compile(
    r"[A-Z](?:[\w.'’-]*,?\s+){1,8}(?<!\bhave )(?<!\bhas )(?<!\bhad )(?<!\bwould )(?<!\bwill )"
    r"(?:\w+ly\s+)?(?:said|says|told|tells|added|adds|wrote|writes|tweeted|explained|"
    r"continued|stated)\b")
_SAID_AFTER_QUOTE = re.compile(
    r"[”\"’']\s*(?:[\w.'’-]+\s+){0,5}(?:said|says|added|adds|told|tells|wrote|writes|"
    r"tweeted|continued|explained)\b")


def introduces_quotation(text: str) -> bool:
    """The words before the quotation that `text` opens say who speaks ("The mayor said
    in a statement: “We ...")."""
    start = min((i for i in (text.find("“"), text.find('"')) if i >= 0), default=-1)
    return start > 0 and bool(_SAYING.search(text[:start]))


def opens_quotation(text: str) -> bool:
    """The sentence ends inside a quotation that it opened: the next sentence goes on."""
    straight = text.count('"')  # (one at the start may open a quotation told on after it)
    return text.count("“") > text.count("”") or (
        straight % 2 == 1 and (straight > 1 or not text.lstrip().startswith('"')))


def goes_on_quoting(text: str) -> bool:
    """The sentence leaves a quotation open, whether it opened it inside ("The mayor said:
    \"We cannot wait.") or at its start ('"It was a tragic death.' and the next sentence
    goes on, '... she said.'): it cannot end a brief's line of quotation."""
    return (opens_quotation(text) or text.count("``") > text.count("''")
            or _starts_quoted(text) and _unclosed(text.lstrip()))


def quotes(text: str) -> bool:
    """The sentence quotes someone's words (a quotation closed inside it)."""
    return bool(_QUOTED.search(text))


def _unclosed(text: str) -> bool:
    """The quotation that opens `text` does not close in it."""
    closing = {"“": "”", "‘": "’", '"': "\"", "'": "'"}.get(text[0])
    if text.startswith("``") or text[0] == '"' and "''" in text:
        return "''" not in text
    return closing is not None and closing not in text[1:]


_PARTICLE = re.compile(r"(?i:al|el|ad|ar|as|at|az|an|ash|ul)-[A-Z]")


def case_forms(last: str) -> tuple[str, ...]:
    """A surname as written, and, when it opens on a particle ("al-Mahmudi"), as a
    sentence's first word writes it ("Al-Mahmudi"), or the other way round."""
    if not _PARTICLE.match(last):
        return (last,)
    return last, last[0].swapcase() + last[1:]


def full_names(text: str) -> list[str]:
    """The multi-word names in `text`, titles and leading non-name words left out."""
    found = []
    for match in _full_name_matches(text):
        words = match.group().split()
        inner = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))]
        if inner:  # "Prevention's West Nile", "Trump's Attorney General Jeff Sessions"
            words = words[inner[-1] + 1:]
        words[-1] = _POSSESSIVE.sub("", words[-1])
        if words[-1] in _NAME_SUFFIXES:  # "Donald Trump Jr": Trump
            words.pop()
        while words and (words[0].lower().rstrip(".") in _NOT_NAMES or words[0].isupper()
                         and len(words[0]) > 2):
            words.pop(0)
        if len(words) >= 2 and words[-1].lower() not in _NOT_NAMES and not words[-1].endswith("."):
            found.append(" ".join(words))
    return found


_NAME_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))
# A particle that opens a surname's second part, or the surname ("Valencia del Toro",
# "Van Pelt", "bin Laden").
_COMPOUND_SURNAME = re.compile(rf"(?:^|\s)(?i:{_PARTICLES})\s+[A-Z]")


def _word_tail(name: str, longer: str) -> bool:
    """Whether `name` is the last words of `longer` (particles in either case)."""
    words, more = name.lower().split(), longer.lower().split()
    return len(more) > len(words) and more[-len(words):] == words


# Speed only: `_FULL_NAME` opens with a look-behind, so sre tries it at every position of
# every sentence; it is tried only where `_NAME_START` finds what every match starts with
# (found fast: sre skips to capitals): a capital after no word character, the rest of its
# word in letters, stops, apostrophes or hyphens, a space, and a capital or a particle's
# first letter ("de", "al-" ...). A name can open with "al-" or "el-", in small letters:
# a text holding "l-" is searched as written.
_NAME_START = re.compile(r"[A-Z](?<![\w.'’-][A-Z])[A-Za-z'’.-]*\s+[A-Zabdeilv]")


def _full_name_matches(text: str) -> list[re.Match]:
    """`list(_FULL_NAME.finditer(text))`, the pattern tried only where a name can start."""
    if "l-" in text:
        return list(_FULL_NAME.finditer(text))
    found = []
    at = 0
    while (start := _NAME_START.search(text, at)) is not None:
        match = _FULL_NAME.match(text, start.start())
        if match is None:
            at = start.start() + 1
        else:
            found.append(match)
            at = match.end()
    return found


def _capitalized_words(text: str) -> list[str]:
    words = (_POSSESSIVE.sub("", w) for w in _CAPITALIZED_WORD.findall(text))
    return [w for w in words if w.lower() not in _NOT_NAMES and w not in _NAME_SUFFIXES]


_PERSON_CUES = (
    re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Det|Prof|Rev)\.?\s+"
               r"((?:" + _PREFIXED + r"\s+)*" + _SURNAME + r")"),
    re.compile(r"(" + _SURNAME + r"),?\s+(?:then\s+)?\d{1,3},"),
    # ... and after an adverb, or with more verbs of saying ("Roe later claimed he ...")
    re.compile(r"(" + _SURNAME + r")\s+(?:(?:later|also|then|previously|repeatedly|"
               r"allegedly)\s+)?(?:said|says|told|tells|added|adds|wrote|writes|explained|"
               r"recalled|insisted|testified|tweeted|claimed|claims|admitted|admits|denied|"
               r"denies|argued|argues|pleaded|conceded)\b"),
    re.compile(r"(?:said|says|according to)\s+(?:(?:" + _PREFIXED + r"\s+)*)"
               r"(" + _PREFIXED + r")\b"),
    # a role in lower case before a full name: "pole vaulter Dana Cervantes",
    # "spokesman Mustafa Bali"; not a verb's past ("a Kickstarter-funded Star Trek fan
    # film", "published The Klingon Dictionary": a title or a thing, no person)
    re.compile(r"\b(?!(?:the|and|for|with|from|that|this|when|after|before|into|about|"
               r"than|then|while|where|which|who|whom|whose|said|says|told|asked|wrote|"
               r"toward|towards|against|between|behind|beside|during|without|within|"
               r"through|across|among|under|over|upon|like|including|near|around|into|"
               r"onto|inside|outside|beyond|despite|except|versus|via|unlike)\b)"
               r"[a-z]{4,}(?<!ed)\s+(?!(?:The|A|An)\s)((?:" + _PREFIXED + r"\s+){1,2}"
               + _SURNAME + r")"),
    # a full name and who the person is: "Aaron Kreifels, the college student who found
    # Shepard", "Charles Dolan, a neighbor"
    # (not a place or a firm told so: "Mary Roe of Fort Worth, a retired teacher",
    # "Lehman Brothers, a major player")
    re.compile(r"(?<!\bof )(?<!\bin )(?<!\bat )(?<!\bfrom )(?<!\bnear )"
               r"((?:" + _PREFIXED + r"\s+){1,2}" + _SURNAME + r"),\s+(?:the|a|an)\s+"
               r"(?:[a-z-]+\s+){0,3}?(?:student|neighbou?r|man|woman|boy|girl|teen|teenager|"
               r"mother|father|son|daughter|wife|husband|brother|sister|officer|doctor|nurse|"
               r"lawyer|attorney|teacher|driver|pilot|owner|founder|manager|spokes(?:wo)?man|"
               r"professor|researcher|scientist|priest|pastor|farmer|worker|resident|witness|"
               r"victim|suspect|friend|actor|actress|singer|coach)(?![\w-])"),
    # an office before a full name, in capitals: "Treasury Secretary Henry M. Paulson",
    # "Federal Reserve Chairman Ben S. Bernanke"
    # (the whole name: not "Abdel" of "President Mohamed Ould Abdel Aziz", nor "Sunday" of
    # "President Jacob Zuma Sunday said")
    re.compile(r"\b(?:Secretary|Chairman|Chairwoman|President|Minister|Senator|Governor|Mayor|"
               r"Chancellor|Ambassador|Commissioner|Judge|Justice|Speaker|Premier)\s+"
               r"((?:" + _PREFIXED + r"\s+){1,2}(?:[A-Z]\.\s+)?"
               r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
               r"March|April|May|June|July|August|September|October|November|December)\b)"
               + _SURNAME + r")\b(?![\s-]+(?!(?:Jr|Sr)\b)(?:[A-Z][a-z]|(?:al|el)-))"),
)


_CUE_NEEDLES = tuple(needles(p, case=True) for p in _PERSON_CUES)  # (literals.py)
# Speed only: a cue whose matches end in a number and a comma (the age cue, "Bridges,
# then 29,") is searched only in a text with a digit before a comma, found fast (from each
# comma): most texts with a comma have none.
_DIGIT_COMMA = re.compile(r",(?<=\d,)")
_CUE_GUARDS = tuple(_DIGIT_COMMA if p.pattern.endswith(r"\d{1,3},") else None
                    for p in _PERSON_CUES)


def _person_cues(text: str) -> set[str]:
    """Names that `text` shows to be people's (their last word), and full names so cued."""
    cued: set[str] = set()
    for pattern, found, guard in zip(_PERSON_CUES, _CUE_NEEDLES, _CUE_GUARDS, strict=True):
        if not may_match(found, text):  # none of the words its matches hold
            continue
        if guard is not None and not guard.search(text):
            continue
        for match in _role_cues(text) if pattern is _ROLE_CUE else pattern.finditer(text):
            tail = _PARTICLE_TAIL.match(text, match.end(1))  # "Sergio Valencia| del Toro"
            cued.add(_POSSESSIVE.sub("", (tail or match).group(1).split()[-1]))
    return cued


# A surname's part after a particle, which the cues' names stop before.
_PARTICLE_TAIL = re.compile(rf"(?:\s+(?:{_PARTICLES}))+\s+({_SURNAME})\b")


# Speed only: the role cue (`_ROLE_CUE`, "spokesman Mustafa Bali") opens with `\b`
# and a word in small letters, so sre tried it at every word; it is tried only where a
# word of four small letters or more stands before spaces and a capital (or "al-", "el-"),
# what every match starts with, found from the spaces by `_ROLE_CUE_AT`.
_ROLE_CUE_AT = re.compile(r"\s(?<=[a-z]{4}\s)\s*(?:[A-Z]|[ae]l-)")


def _role_cues(text: str) -> list[re.Match]:
    """`list(_ROLE_CUE.finditer(text))`, the cue tried only where a match can start."""
    found = []
    at = 0
    for space in _ROLE_CUE_AT.finditer(text):
        start = space.start() - 4
        while start > 0 and "a" <= text[start - 1] <= "z":  # back to the word's start
            start -= 1
        if start >= at and (match := _ROLE_CUE.match(text, start)) is not None:
            found.append(match)
            at = match.end()
    return found


@dataclass(frozen=True)
class Reading:
    """How each sentence of a cluster reads alone, computed once per brief: what it needs
    before it, which surnames it introduces, and whether it may stand in a brief at all
    (a complete statement that is not page clutter)."""

    needs: Sequence[Needs]  # read on demand (see `read`)
    introduces: Sequence[frozenset[str]]  # on demand too
    fit: Sequence[bool]  # on demand when `read` is given an `OnDemand`

    def predecessor(self, sentences, k: int) -> int | None:
        """The sentence just before sentence `k` in its article, if any."""
        if k > 0 and sentences[k - 1].article == sentences[k].article:
            return k - 1
        return None

    def successor(self, sentences, k: int) -> int | None:
        """The sentence just after sentence `k` in its article, if any."""
        if k + 1 < len(sentences) and sentences[k + 1].article == sentences[k].article:
            return k + 1
        return None


def points_back(texts: list[str], opens: Sequence[bool], k: int) -> frozenset[str]:
    """The nouns `texts[k]` writes after "the" (`definite_nouns`) that its article
    introduced before as new ("a rusty can" ... "the can") or described just before
    ("the exterior door" ... "the door"); `opens` marks where each article begins."""
    keys = definite_nouns(texts[k])
    if not keys:
        return keys
    start = k
    while start > 0 and not opens[start]:
        start -= 1
    return frozenset(key for key in keys if any(
        key[1:] in texts[j] and (_introduced_as_new(key, texts[j])
                                 or k - j <= DESCRIBED_WITHIN and _described(key, texts[j]))
        for j in range(start, k)))


# "the demographic transition" ... "the transition", "the exterior door of one of the
# bays" ... "the door": a thing its article described just before with "the" and a word
# or two before its noun is, told again by the noun alone, the same thing. (Read at
# any distance, and with such a sentence counting as one that tells of the thing, the
# rule changed three times the briefs, mostly by knock-on, and readers ran the old brief
# in 9 of 15: `ab_fortyfifth_described.jsonl`.)
_DESCRIBED_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hese) (?:[\w-]+ ){1,2}\Z")
DESCRIBED_WITHIN = 3  # sentences


def _described(key: str, text: str) -> bool:
    """`text` writes the noun of `key` after "the" (or "this", "these") and a word or
    two ("that" may be a conjunction: "said that many residents fled")."""
    return _introduced_as_new(key, text, _DESCRIBED_BEFORE)


def read(texts: list[str], fit: Sequence[bool], opens: list[bool] | None = None,
         paragraphs: Sequence[int] | None = None) -> Reading:
    """How each of `texts` reads alone; `opens` marks the sentences that open their
    article, which lean on nothing before them whatever their words: their writer
    began there ("The army said on Tuesday ..." is a lead, not a back-reference).
    With `opens`, the sentences of an article in one person's voice (`voiced`) need a
    speaker; with `paragraphs` too (each sentence's paragraph in its article), a sentence
    inside a quotation that an earlier one opened (`inside_quotation`) continues it."""
    names = Names(texts)
    if opens is not None and len(opens) != len(texts):
        raise ValueError("read: one `opens` flag per text")
    if paragraphs is not None and (opens is None or len(paragraphs) != len(texts)):
        raise ValueError("read: `paragraphs` needs `opens`, one paragraph per text")
    voices = voiced(texts, opens) if opens is not None else frozenset()
    inside = inside_quotation(texts, opens, paragraphs) if paragraphs is not None else None

    def needs_of(k: int) -> Needs:
        # (`needs` with the names read when asked: `_NamesWhenAsked`)
        antecedent, speaker = _opening_needs(texts[k])
        if opens is not None and opens[k]:
            antecedent = (antecedent and _opens_with_pronoun(texts[k])
                          or bool(_ANOTHER_STORY.match(texts[k])))
        if inside is not None and inside[k]:
            antecedent = True
        if k in voices and not speaker and not _SAYING.search(_QUOTED.sub(" ", texts[k])):
            speaker = True
        return _NamesWhenAsked(antecedent, speaker, later=lambda: names_of(k))

    def names_of(k: int) -> frozenset[str]:
        used = names.used(texts[k])
        if opens is None:
            return used
        if not opens[k]:
            pointing = points_back(texts, opens, k)
            return used | pointing if pointing else used
        # a lead's "the accord" is written for a fresh reader: it introduces the thing;
        # but "She has played ..." leans on the headline, which a brief does not show
        return frozenset(n for n in used if not n.startswith("#"))

    def introduces_of(k: int) -> frozenset[str]:
        given = names.introduced(texts[k])
        if opens is not None and opens[k]:
            return (given | known_things(texts[k]) | definite_nouns(texts[k])
                    | names.acronyms_used(texts[k]))
        return given


    # A brief asks what a fifth of the sentences need and what a few introduce (it looks
    # a name's introducers up among the sentences that write it): each is read when
    # first asked.
    return Reading(OnDemand(len(texts), needs_of), OnDemand(len(texts), introduces_of),
                   fit if isinstance(fit, OnDemand) else tuple(fit))


# An article in one person's (or one body's) voice: a letter, a statement, a speech's
# transcript, a press release, a personal essay or blog. Half or more of its sentences
# speak in the first person outside quotation marks; its other sentences are that voice's
# words too (a chief executive's open letter: "Open debate matters more than ever."; a
# transcript of a president's remarks: "The jury heard both sides."), which a news brief
# must not tell as its own. The share is of articles of VOICED_SENTENCES sentences or more.
VOICED_SHARE = 0.5
VOICED_SENTENCES = 4
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]y|[Mm]e|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|"
                           r"[Oo]urs?|[Uu]s)\b")


def voiced(texts: Sequence[str], opens: Sequence[bool]) -> frozenset[int]:
    """The sentences of the articles written in one voice (`VOICED_SHARE`), when some
    article of the cluster is not: a cluster of letters only has no reporter to prefer."""
    starts = [k for k, first in enumerate(opens) if first] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    spans = list(zip(starts, [*starts[1:], len(texts)], strict=True))
    voice = [end - start >= VOICED_SENTENCES and _in_one_voice(texts[start:end])
             for start, end in spans]
    if all(voice) or not any(voice):
        return frozenset()
    return frozenset(k for (start, end), v in zip(spans, voice, strict=True) if v
                     for k in range(start, end))


def _in_one_voice(texts: Sequence[str]) -> bool:
    """Whether VOICED_SHARE of `texts` speak in the first person outside quotation marks
    (counted only until the answer is sure)."""
    needed = VOICED_SHARE * len(texts)
    found = 0
    for i, text in enumerate(texts):
        if (_FIRST_PERSON.search(text) and not _starts_quoted(text)  # (raw text first: fast)
                and _FIRST_PERSON.search(_QUOTED.sub(" ", text))):
            found += 1
            if found >= needed:
                return True
        if found + len(texts) - i - 1 < needed:
            return False
    return False


def inside_quotation(texts: Sequence[str], opens: Sequence[bool],
                     paragraphs: Sequence[int]) -> list[bool]:
    """For each sentence, whether it stands inside a quotation that an earlier sentence
    of its paragraph opened and left open: 'The department released a statement: "We
    were saddened by the news.', then "The officer loved his work." (no marks of its own)
    is the department's, not the reporter's. A new paragraph starts outside (news reopens
    a quotation that runs on with a mark of its own), unless the lines after it carry no
    mark until one that closes the quotation (`_closes_later`)."""
    out = [False] * len(texts)
    curly = ticks = 0  # quotations open in curly marks and in the wires' `` ''
    straight = False  # one open in straight marks
    for k, text in enumerate(texts):
        if (opens[k] or k == 0 or _starts_quoted(text)  # (a new quotation)
                or paragraphs[k] != paragraphs[k - 1] and (curly or ticks or straight)
                and not _closes_later(texts, opens, k)):
            curly = ticks = 0
            straight = False
        elif paragraphs[k] != paragraphs[k - 1]:  # (one quotation runs on, not a doubled mark)
            curly, ticks = min(curly, 1), min(ticks, 1)
        out[k] = bool(curly or ticks or straight)
        curly = max(0, curly + text.count("“") - text.count("”"))
        ticks = max(0, ticks + text.count("``") - text.count("''"))
        straight ^= text.count('"') % 2 == 1
    return out


# A page that prints each sentence on a line of its own (Timeline17's) breaks a quotation
# of several sentences into lines without marks: '"We didn't know where the strikes were
# coming from.' / 'There is no electricity and no water.' / 'There is not one
# neighborhood that hasn't been hit," said one of the women ...'. The lines between are
# the speaker's when, within QUOTE_LINES, the first mark after them closes the quotation
# (after a stop, a comma or a dash, as '," said' does): 775 such lines in Timeline17 dev.
QUOTE_LINES = 5
_CLOSING_MARK = re.compile(r"""[,.?!—–-](?:["”]|'')""")
_ANY_MARK = re.compile(r"""["“”]|``|''""")


def _closes_later(texts: Sequence[str], opens: Sequence[bool], k: int) -> bool:
    """A quotation left open before sentence `k` goes on through it: the first quote
    mark from `k` on, within QUOTE_LINES sentences of its article, closes it."""
    for j in range(k, min(len(texts), k + QUOTE_LINES + 1)):
        if j > k and opens[j]:
            return False
        mark = _ANY_MARK.search(texts[j])
        if mark:
            return bool(_CLOSING_MARK.match(texts[j], max(0, mark.start() - 1)))
    return False


# Speed only: those that open with "\b" and "the", written with "the" first and the
# boundary checked behind it (`literals.boundary_behind`: the same matches; sre skips to
# a "t"), ...
_DEFINITE_NOUN, _DEFINITE_THING, _THE_NUMBERS = map(boundary_behind, (
    _DEFINITE_NOUN, _DEFINITE_THING, _THE_NUMBERS))
# ... and the patterns that are searched most, each behind a look-ahead of the
# characters its matches can start with (`literals.led`: the same matches, found faster;
# read off each pattern, so that its rule can change freely).
(_FULL_NAME, _CAPITALIZED_WORD, _ROLE, _SAYING, _DEMONSTRATIVE_REFERENCE, _DEMONSTRATIVE_INSIDE,
 _FIRST_SINGULAR, _FIRST_OR_SECOND_PERSON, _DEFINITE_NOUN, _FIRST_PERSON) = map(led, (
    _FULL_NAME, _CAPITALIZED_WORD, _ROLE, _SAYING, _DEMONSTRATIVE_REFERENCE, _DEMONSTRATIVE_INSIDE,
    _FIRST_SINGULAR, _FIRST_OR_SECOND_PERSON, _DEFINITE_NOUN, _FIRST_PERSON))
_PERSON_CUES = tuple(map(led, _PERSON_CUES))
_ROLE_CUE = _PERSON_CUES[4]  # (`_role_cues`: the one the person cues try where it can start)
# ... and some of `_leans_back`'s searched only in a text that holds one of their needles
# (`literals.needles`; for the demonstratives, the word every match holds, in any case)
_SELF_REFERENCE_NEEDLES = needles(_SELF_REFERENCE)
_LIKE_BEFORE_NEEDLES = needles(_LIKE_BEFORE)
_DEFINITE_SPEAKER_VERBS = needles(_DEFINITE_SPEAKER)
_DEMONSTRATIVES = ("that", "those", "this", "these")

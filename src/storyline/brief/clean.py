"""Stage 1: drop news page clutter so that it never reaches a later stage.

Works on lines (paragraphs): captions and credits, media-player text, "Read more" blocks
and the headline lists after them, comment and login prompts, share and subscribe lines,
translation banners, bylines, date stamps and exact repeats. The patterns are data
(`data/boilerplate.toml`); what needs context (a list after "Read more", a caption
before its credit line, a run of link lines) is decided here. The first line becomes
the title when it reads like a headline. Every drop is kept as a `Removal`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import groupby, pairwise

from ..data import read_text
from ..model import Article, Removal, Sentence
from .literals import FirstMatch
from .segment import has_verb
from .vectors import stem

MAX_HEADLINE_WORDS = 25  # longer unpunctuated lines are prose that lost its period
MAX_CLUTTER_WORDS = 40  # longer lines are condemned only by rules marked any_length
WRAP_FILL = 0.6  # a line of a hard-wrapped paragraph fills at least this share of the width
_END = re.compile(r"""[.!?:…]["'”’)\]]*$|[.!?]["'”’]?\s*\(\w[^)]*\)$""")
_CLOSERS = "\"'”’)]"  # (the closing marks of _END's first alternative)


def _ends(line: str) -> bool:
    """`_END.search(line)`, searched only where a match can start (speed: a paragraph is
    not read from its start): at the character before the closing marks that end the
    line, or after the bracket before the last when the line ends with one (a match of
    the second alternative holds one ")", its last character)."""
    if "\n" in line:  # ("$" matches before a final line break too)
        return _END.search(line) is not None
    start = len(line.rstrip(_CLOSERS)) - 1
    if line.endswith(")"):
        start = min(start, line.rfind(")", 0, len(line) - 1) + 1)
    return _END.search(line, max(start, 0)) is not None


_AGENCY = (r"\((?:[A-Z]{2,6}|(?i:Reuters|Bloomberg|Xinhua|dpa)|AP|AFP"  # "(xinhua)" too
           r"|[A-Z]{1,5}[a-z]*[A-Z][a-z]+(?: News)?)"  # (HealthDay News), (CBSMiami)
           r"\b[^)]{0,20}\)?")
_PLACE = r"(?:[ ,]+[A-Z][\w.'-]*){0,4}(?:\s*\([A-Z][a-z]+\))?"  # "FORT WAYNE, Ind.", "(Hebei)"
_PLACES = r"[A-Z][A-Z.'-]+(?:/[A-Z][A-Z.'-]+)*"  # "WASHINGTON", "ALGIERS/TUNIS"
_DAY = r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # "SYDNEY, September 13 (Xinhua)"
_DASH = r"(?:[-—–]+|_)"  # wires mark the end of a dateline with a dash, "--" or "_"
_DATELINE = re.compile(  # "ST. LOUIS (AP) — ", "FORT WAYNE, Ind. (WANE) ", "(CNN) — ",
    # "WASHINGTON — ", "BERLIN (AP) _ ", "SYDNEY, September 13 (Xinhua) -- ", "NEW YORK _ "
    # (the agency's bracket closed, or a dash after it: "WASHINGTON (AP -- "; not "CAIRO
    # (Reuters Life!)" cut to "Life!)")
    r"^(?:" + _PLACES + _PLACE + _DAY + r"\s*" + _AGENCY + r"(?:(?<=\))|(?=\s*" + _DASH + "))"
    r"[\"”]?(?:\s*[-—–_])*"
    r"|[A-Z][A-Z'-]{2,}" + _PLACE + _DAY + r"\s*" + _DASH + "+"  # no agency: a real word
    r"|" + _AGENCY + r"\s*" + _DASH + r"+|CNN\s*[-—–]+"
    r"|\((?:CNN|AP|AFP|Reuters|Xinhua|Bloomberg|dpa|UPI)\)"  # "(CNN) A man"
    # "Washington (CNN) Vermont Sen. Bernie Sanders lauded ..."
    r"|[A-Z][a-z]+(?:,? [A-Z][a-z.]+){0,3} \((?:CNN|AP|AFP|Reuters)\)(?=\s+[A-Z\"“])"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\s*"
    r"\((?:Reuters|AP|AFP|Xinhua|Bloomberg|dpa|UPI)\)\s*" + _DASH + "+"  # "Aug 21 (Reuters) -"
    r"|[A-Z]{5,}(?:\s[A-Z]{2,})?(?=\s(?:The|A|An)\s)"  # "WASHINGTON The"
    r"|[A-Z]{4,}(?:/[A-Z]{4,})+"  # "SINGAPORE/BEIJING Flamboyant"
    r"|[A-Z]{4,}--"  # "HIROSHIMA--A", "WASHINGTON—The"
    r"|[A-Z][a-z]+(?:,? [A-Z][a-z.]+){0,2} [—–]"  # "Flint — Sixteen months after ..."
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2} -)"  # "Mar 1 - "
    r"(?:\s+|(?<=--)|(?<=[—–]))(?=[A-Z\"“'‘`])")
DATELINE_PARAGRAPHS = 3  # a dateline opens the story, after at most a headline and standfirst
CAPTION_WORDS = 25  # a caption's or a standfirst's words at most (between two photos' credits)
DATELINE_CHARS = 600  # or after short lines of page furniture (a page of one line a sentence)
# A web page's byline and time stamp glued before the wire's dateline ("By Jane Doe,
# Health Editor WASHINGTON | Mon Mar 2, 2009 4:23 pm EST WASHINGTON (Reuters) - ...",
# "WASHINGTON | Thu Apr 7, 2011 6:35 pm EDT WASHINGTON (Reuters) - ..."): cut
# only when an agency's dateline follows, which tells that it was not the story.
_BYLINE_HEADER = re.compile(r"^(?:By\s+[A-Z]|[A-Z][A-Z .'-]+\s\|\s)[^!?\n]{0,200}?\s"
                            r"(?=" + _PLACES + _PLACE + _DAY
                            + r"\s*" + _AGENCY + r"\s*" + _DASH + ")")
MAX_HEADER_WORDS = 30
# A byline that names its agency, glued to the story: "By Elise Labott, CNN Senior State
# Department Producer The U.S. State Department ...", "By the CNN Wire Staff ...".
_AGENCY_BYLINE = re.compile(
    # (after the page's date: "March 31, 2011 | By Jane Roe, Special to CNN Almost ...")
    r"^(?:[A-Z][a-z]+ \d{1,2}, \d{4} \| )?"
    r"By (?:the )?(?:[A-Z][\w.'-]*,? (?:and )?){0,6}?(?:for |to )?(?:CNN|Reuters|AP|AFP)"
    r"(?: Wire Staff)?"
    r"(?:(?: [A-Z][a-z]+){0,4} (?:Producer|Correspondent|Editor|Writer|Reporter))?\s+(?=[A-Z])")
# A wire's dateline inside one of the first paragraphs, after page furniture glued before
# it (a headline, highlights, "NEW:" bullets, an editor's note, a byline): "India confirms
# first case ... NEW DELHI (Reuters) - The health ministry ...", "By the CNN Wire Staff ...
# Tripoli, Libya (CNN) -- A fighter jet ...". The story starts after the dateline, so
# what comes before it goes with it. Only an agency in brackets and a dash mark it.
_INNER_DATELINE = re.compile(
    r"(?:^|(?<=\s))[A-Z][\w.'/-]*(?:,?\s+[A-Z][\w.'-]*){0,4}" + _DAY
    + r"\s*\((?:Reuters|CNN|AP|AFP|Xinhua|UPI|dpa|Bloomberg)\)\s*[-—–]+\s*(?=[A-Z\"“'‘`])"
    # a health or science wire's, with no place: "... researcher contends. (HealthDay)—A"
    # (CNN's, after its story highlights: "... eastern provinces (CNN) -- The town ...")
    r"|(?<=\s)\((?:HealthDay|HealthDay News|LiveScience|Live Science|Reuters Health|CNN)\)"
    r"\s*[-—–]+\s*(?=[A-Z\"“'‘`])")
INNER_DATELINE_CHARS = 600  # where it may stand: within a header's reach of the start
# A wire's dateline with no agency inside one of the first paragraphs, a headline glued
# before it: "Leader Advocates Systemic Change After Crisis TOULON, France, Sept. 25 --
# French President ...", "... Take Financial Action RIO DE JANEIRO, Dec. 9 -- It began
# ..." (its region or day after a comma; not "the US and NATO -- the alliance's ... --").
_INNER_DASH_DATELINE = re.compile(
    r"(?<=[\w)'’] )[A-Z]{3,}(?: [A-Z]{2,}){0,3}(?:, [A-Z][a-z]+\.?(?: [A-Z][a-z]+)?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?|, [A-Z][a-z]{2,8}\.? \d{1,2}) -- (?=[A-Z\"“])"
    r"(?![^\n]{0,80} -- )")
# A sentence's end, or a colon that introduces what follows, before such a dateline
_SENTENCE_BEFORE = re.compile(r"[a-z]{2}[.!?][\"”’]?\s|:\s*$")


def _headline_dateline(line: str) -> re.Match | None:
    """An `_INNER_DASH_DATELINE` in `line`'s first INNER_DATELINE_CHARS after what may be a
    headline: no sentence of the story's own, no caption's credit (`_captioned` takes
    those), and a capitalized last word ("... Crisis TOULON, France, ..."; not "... the
    capital of the USA, Washington -- ..."), or None."""
    if " -- " not in line[:INNER_DATELINE_CHARS]:
        return None
    match = _INNER_DASH_DATELINE.search(line, 0, INNER_DATELINE_CHARS)
    if match is None:
        return None
    before = line[:match.start()]
    words = before.split()
    if (words and words[-1][:1].isupper() and "(By " not in before
            and not _SENTENCE_BEFORE.search(before)):
        return match
    return None
# "... said here Monday that ...", "The cabinet here Wednesday approved ...": "here" is
# the dateline's place, which a brief never shows (cut above, or in another paragraph):
# before a time, the word goes and the sentence says the same, self-contained. Elsewhere
# ("here at CES") the place is part of what it says, and the sentence leans on the dateline
# (`context.tells_here`). Inside a quotation it is the speaker's word and stays.
_HERE_THEN_TIME = re.compile(
    r"(?<=[a-z,]) here(?=,? (?:on |this |last |early |late )?(?:today|tonight|yesterday|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|morning|afternoon|evening|"
    r"night|week|weekend|month|year)\b)")
_WIDGET_PREFIX = re.compile(r"^(?:CLOSE|Updated \||Advertisement|Live blog:|"
                            r"\(Download Audio File\)|"
                            r"(?:Skip in Skip x )?Embed x Share(?: CLOSE)?)\s+(?=[A-Z\"“'‘])")
# A photo credit or a page's time stamp glued before a paragraph once its own line was
# lost: "(By Kamran Jebreili -- Associated Press) SHANGHAI: ...", "(Updated at 11:20 a.m.
# ET, 6:20 p.m. local time) Before reports ...", "Page last updated at
# 11:50 GMT, Friday, 29 January 2010 Wyclef Jean's been ...". A stamp standing later in
# one of the first paragraphs ends the page's header: "Mexican swine flu deaths spark
# worldwide action ... Sunday 26 April 2009 18.45 BST People wear ...".
# A video's credit glued the same way: "Jane Roe, Business Insider The company is ...".
# "(By Jane Roe -- The Post)", "(Photos By Jane Roe -- The Washington Post)"
_BY_CREDIT = r"\((?:Photos? [Bb]y|By) [A-Z][^()]{2,60}? -- [^()]{2,40}\)"
_NAME_CREDIT = (r"\([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3} - [A-Z][\w.'’&-]*"  # "(Jane Roe
                r"(?: [A-Z][\w.'’&-]*){0,3}\)")  # - Bloomberg News)"
_CREDIT_PREFIX = re.compile(rf"^(?:{_BY_CREDIT}|{_NAME_CREDIT}|"
                            # "(China Photos Via Getty Images)", "(Youtube)"
                            r"\([A-Z][^()]{2,40}? (?:Via |via )?"
                            r"(?:Getty Images|AP Photo|AFP|EPA)\)|"
                            r"\((?:YouTube|Youtube)\)|"
                            r"(?:[A-Z][\w.'’-]+ ){1,2}[A-Z][\w.'’-]+, (?:Business Insider|"
                            r"Getty Images|Reuters|AFP|AP|EPA)"
                            # a photo's credit as a web address: "DEVONJAMESXXX.COM 'I want ..."
                            r"|[A-Z0-9-]{3,}\.(?:COM|NET|ORG|CO\.UK))\s+(?=[A-Z\"“'‘])")
# A reader's signature under a comment, glued before what the page put after it: "Jane
# Roe, Mexico City The WHO is advising ..." (a name and a place, then "The" or "A" and a
# capital, which no sentence writes so; not "Since March, Hepatitis A cases ...").
_SIGNATURE = re.compile(r"^(?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+, (?:[A-Z][a-z]+ ){0,2}"
                        r"[A-Z][a-z]+\s+(?=(?:The|An?) [A-Z])")
# A topic page's profile box glued before the profile's first sentence: "Career History:
# ...; Alma Mater: ..., Master's, 1985 Jane Roe was born in ...", "Former Chair of the
# Advisory Board (January 2009-January 2011) Roe brought ...", "... (May 2009 to January
# 2011) When Roe first joined ..." (not "Under Prime Minister Jane Roe (1997-2007) Britain
# ...").
_PROFILE_BOX = re.compile(r"^[^\n]{0,300}?\bAlma Mater ?:[^\n]{0,300}?\b(?:19|20)\d\d\s+"
                          r"(?=[A-Z][a-z]+ (?:was|is|has|had|[a-z]+ed)\b)")
_PROFILE_ROLE = re.compile(r"^(?!(?:Under|In|During|From|After|Before|Since|Until|At|On|For|By|"
                           r"With|As|When|While|Between)\b)[A-Z][^.!?()\n]{3,120} "
                           r"\((?:[A-Z][a-z]+ )?(?:19|20)\d\d ?(?:[-–]|to) ?(?:[A-Z][a-z]+ )?"
                           r"(?:(?:19|20)\d\d|[Pp]resent)\)\s+(?=[A-Z][a-z]+ [A-Za-z])")
# The credits that end a page's header of captions (`clean`): a photographer's and an
# outlet's, "(By Jane Roe -- The Washington Post)", "(Jane Roe - Bloomberg News)"; after such
# a credit, a gallery's next credit may be any name in brackets, "(Visit Reykjavik)".
_PHOTOGRAPHER_CREDIT = re.compile(rf"(?:{_BY_CREDIT}|{_NAME_CREDIT})\s+(?=[A-Z\"“'‘])")
_GALLERY_CREDIT = re.compile(r"\([A-Z][a-z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}\)"
                             r"\s+(?=[A-Z\"“'‘])")
# A gallery's photo credited twice, by the agency and by the page, "(AP Photo/Jane Roe,
# Pool) (Jane Roe - AP)", opening a line: it ends the caption on the line before (a Post
# gallery's lines: "Countries that use the euro will temporarily guarantee ...", "From
# left, Bush, ..."; the 22 such lines of the dev data are all captions), and the next
# caption or the story follows it.
_DOUBLE_CREDIT = re.compile(r"\((AP|AFP|Reuters) Photo/([^),]+)[^)]*\) \(\2 - \1\)\s*")
# A programme's video credit glued before the lead: "Hope for Haiti Now footage courtesy of
# MTV Organisers of the telethon say ..." (not "Dramatic footage courtesy of ABC News
# shows ...": a title-case name of two words or more, its credit one acronym)
_VIDEO_CREDIT = re.compile(r"^[A-Z][\w'’-]*(?: (?:for|of|the|and|in|on|[A-Z][\w'’-]*)){1,6} "
                           r"(?:footage|video|pictures) courtesy of [A-Z]{2,6}\s+"
                           r"(?!(?:News|TV|Television|Sport|World)\b)(?=[A-Z\"“])")
# A web page's photo credit glued before the story's first sentence, its caption and the
# page's headline in the paragraph above: "... Mexico City as a swine flu outbreak sweeps
# through the city." then "Photograph: Jane Roe/AP Health officials across the world ...";
# the agency first, the photographer's full name after it: "Photograph: Reuters/Eliana
# Aponte Mexico City lowered ...".
_PHOTOGRAPH_CREDIT = re.compile(r"^\|?\s*Photograph: (?:(?:Reuters|AP|AFP|EPA|PA)/"
                                r"(?!(?:Stringer|Staff|Pool|Handout|File)\b)[A-Z][a-z]+ "
                                r"[A-Z][\w'’-]*[a-z]"
                                r"|[^/\n]{2,60}?"
                                r"(?:/[A-Z][\w-]*(?: [Ii]mages)?){1,2}"
                                r"|AP|PA|Reuters|AFP|EPA|Getty Images|Rex)\s+(?=[A-Z\"“'‘])")
# A photo's caption and its agency in square brackets, glued before a lead: "There have
# been widespread reports that soldiers have used live ammunition on protesters [Reuters]
# Libyan leader Muammar Gaddafi has appeared on state television ...".
_BRACKETED_CAPTION = re.compile(r"^(?:[^\[\]\n.!?]|[.!?](?!\s)){10,300}? \[(?:Reuters|AFP|AP|EPA|"
                                r"Getty Images|AFP/Getty Images|GALLO/GETTY|Al Jazeera)\]\s+"
                                r"(?=[A-Z\"“])")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_FULL_DATE = r"\d{1,2} (?:January|February|March|April|May|June|July|August|September|" \
    r"October|November|December) \d{4}"
# (a BBC page's stamp may be followed by its server's error: "(an error occurred while
# processing this directive)")
_STAMP = (r"(?:Page last updated at \d{1,2}[:.]\d\d(?: GMT| BST)?,? (?:" + _WEEKDAY + r",? )?"
          + _FULL_DATE + r"(?: \(an error occurred while processing this directive\))?|"
          + _WEEKDAY + r",? " + _FULL_DATE
          + r",? \d{1,2}[:.]\d\d(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?)")
# A web page's stamp after its place or its writer: Reuters's "TRIPOLI, Libya | Fri Jul 22,
# 2011 6:37 pm EDT", a BBC blog's "Jane Roe | 07:37 UK time, Friday, 29 May 2009", the
# Washington Post's "Friday, December 19, 2008; 10:02 AM --" (or without the dash) and
# its print edition's "Thursday, October 23, 2008; Page A01".
_PAGE_STAMP = (r"(?:[A-Z0-9][\w.'/-]*,? ){0,6}\| (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} "
               r"\d{1,2}, \d{4} \d{1,2}:\d\d [ap]m [A-Z]{2,4}"
               r"|(?:[A-Z][\w'’-]* ){1,3}\| \d{1,2}:\d\d UK time, " + _WEEKDAY + ", " + _FULL_DATE
               + "|" + _WEEKDAY + r", [A-Z][a-z]+ \d{1,2}, \d{4}; (?:\d{1,2}:\d\d [AP]M(?: --)?"
               r"|Page [A-Z]\d\d)")
_STAMP_PREFIX_GLUED = re.compile(r"^(?:" + _STAMP + "|" + _PAGE_STAMP
                                 + r"|\(Updated at [^()]{4,60}\))\s+(?=[A-Z\"“'‘])")
_INNER_STAMP = re.compile(r"(?<=\s)" + _STAMP + r"\s+(?=[A-Z\"“'‘])")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATES = (  # (regex, order of the groups: d=day, m=month, y=year)
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH}),?\s+(\d{{4}})\b", re.I), "dmy"),
    (re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), "mdy"),
    (re.compile(r"\b(\d{4})-(\d\d)-(\d\d)\b"), "ymd"),
)
_STAMP_PREFIX = re.compile(r"^(updated|published|posted|last (updated|modified)|first published)"
                           rf"\s*(on|at)?\s*(:|(?=\d|{_MONTH}|(mon|tue|wed|thu|fri|sat|sun)))", re.I)


# A wire story's sign-off in brackets, glued before what the page put after it: "(Reporting
# by Jane Roe; Editing by John Doe) We welcome comments that ...", "... CAIRO (Reuters) -
# Egypt's central bank ..." (the rest is read as a paragraph of its own).
_SIGN_OFF = re.compile(r"^\((?:additional )?(?:reporting|writing|editing|edited|compiled) by\s+"
                       r"(?-i:[A-Z])[^()]{0,200}\)\s*", re.I)
# A syndicator's notice in capitals glued before the story's first sentence, one line with
# it: "WASHINGTON, D.C. 20003 Tel: ... COPYRIGHT 1998 BY WORLDSOURCES, INC., ... NO PORTION
# OF THE MATERIALS ... WITHOUT ATTRIBUTION TO WORLDSOURCES, INC. Greenhouse gas emissions
# ..." (four DUC 2006 articles, of 409 to 819 words, were dropped whole with it).
# (above it only an address in capitals, with its telephone; it ends on a stop after a
# word, not after an initial: "... PERMISSION OF U.S. NEWS & WORLD REPORT.")
_SYNDICATION_NOTICE = re.compile(r"^(?:[^a-z]|\b(?:Tel|Fax|Phone):){0,120}?COPYRIGHT \d{4} BY "
                                 r"[^a-z]{3,400}? WITHOUT (?:ATTRIBUTION TO|PERMISSION OF) "
                                 r"[^a-z]{3,80}?(?<![\s.][A-Z])\.\s+(?=[\"“]?[A-Z])")
# A wire page's advertisement glued after a paragraph, with the currency note before it:
# "... ($1 = 5.6 Egyptian pounds) An ultra-low latency infrastructure for electronic
# trading and data distribution A connected approach to ..." (909 such lines in the
# Timeline17 dev pages).
_ADVERTISEMENT = re.compile(r"\s*(?:\([^()]*\)\s*)*An ultra-low latency infrastructure for "
                            r"electronic trading.*$", re.S)
# Characters and codes that are not text: zero-width spaces and joiners, a byte-order
# mark, soft hyphens, and the SGML codes of newswire archives ("&QL;", "&UR;", "&LR;").
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_SGML_CODE = re.compile(r"&[A-Z]{2};")
_SPACES = re.compile(r"[ \t]{2,}")
# A word broken at a hyphen where a line was wrapped, and the line break read as a space
# ("an environmentally- friendly means", "well- prepared"): joined again. Not a hyphen
# that waits for its word ("oak- and pine-covered", "three- to six-fold"), nor in a
# paragraph that writes dashes as spaced hyphens (" - ... a year old- with her"); a
# hyphen written as a dash elsewhere, before a word not listed here, is joined too.
_WRAPPED_HYPHEN = re.compile(
    r"(?<=[a-z])- (?=[a-z])(?!(?:and|or|to|through|nor|but|as|versus|vs|with|than|who|which|"
    r"that|the|a|an|in|on|of|for|at|by|from|he|she|it|they|we|i|you)\b)")


@dataclass(frozen=True)
class Rule:
    reason: str
    patterns: tuple[re.Pattern, ...]  # the line matches one of them: see `_compile`
    then: str | None = None  # "list", "next" or "rest": see data/boilerplate.toml
    above: bool = False  # also drops a headline-like line just above (a caption)
    capture: str | None = None  # "source": keep the line's text after "Source:"
    any_length: bool = False  # condemns long lines too (galleries, archive notices)
    early: bool = False  # "rest" holds below one kept paragraph (a notice no story quotes)


def load_rules() -> tuple[Rule, ...]:
    data = tomllib.loads(read_text("boilerplate.toml"))
    return tuple(Rule(r["reason"], _compile(r["patterns"]), r.get("then"),
                      r.get("above", False), r.get("capture"), r.get("any_length", False),
                      r.get("early", False))
                 for r in data["rule"])


def _compile(patterns: list[str]) -> tuple[re.Pattern, ...]:
    """A rule's patterns, case-insensitive: those anchored at the start ("^...") joined
    into one, the others one by one.

    A line matches the joined pattern exactly when it matches one of its parts, and
    searching it costs little more than searching one part: the regex compiler takes
    their common "^" out and tries them at the start only. Patterns without it are
    faster searched alone (an alternation tries every branch at every position). Joined,
    a pattern cannot use a numbered backreference or a global flag such as "(?x)".
    """
    anchored = [p for p in patterns if p.startswith("^")]
    joined = [re.compile("|".join(f"(?:{p})" for p in anchored), re.I)] if anchored else []
    return (*joined, *(re.compile(p, re.I) for p in patterns if not p.startswith("^")))


RULES = load_rules()
_ANY_LENGTH_RULES = tuple(rule for rule in RULES if rule.any_length)
# The first rule that condemns a line, found with few searches (see literals.py).
_FIRST_RULE = FirstMatch((rule, rule.patterns) for rule in RULES)
_FIRST_ANY_LENGTH_RULE = FirstMatch((rule, rule.patterns) for rule in _ANY_LENGTH_RULES)


def clean_all(articles: list[Article]) -> tuple[list[Article], list[Removal]]:
    """Clean every article; return the cleaned articles and everything removed."""
    cleaned, removed = [], []
    for article in articles:
        a, r = clean(article)
        cleaned.append(a)
        removed.extend(r)
    cleaned = _cut_shared_openings(cleaned, removed)  # (a template two pages share first)
    return _cut_glued_headlines(_cut_reading_lists(cleaned, removed), removed), removed


# A page's opening paragraphs that another page of the cluster opens on word for word,
# about what no page of the cluster goes on to tell: a site's template (a blog's five
# links, each page of it opening on "Michael Leachman of the Center for Budget and Policy
# Priorities argues that ..."; a link's title; a video player's notice), not the lead two
# versions of one story share (the cluster tells its news again, the two go on alike, or
# the lead dates its news by the day). On the dev data the templates' words come back in
# 0 to 30% of the pages' rest, which share 10 to 16% of their words; shared news leads
# come back in 36% or more, or their pages go on alike (41 to 100%).
SHARED_OPENING_TOLD = 0.4  # the share of the opening's words any other text may tell
SHARED_RESTS_ALIKE = 0.3  # the share of their words two pages' rests may have in common
SHARED_OPENING_REST = 3  # paragraphs that each page goes on for at least
SHARED_OPENING_WORDS = 250  # words of an opening at most (longer: a story two pages share)
_TOLD_WORD = re.compile(r"[A-Za-z]{4,}")
_DATED_NEWS = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                         r"yesterday|last night)\b")


def _told_words(text: str) -> set[str]:
    return {stem(word) for word in _TOLD_WORD.findall(text)}


def _cut_shared_openings(articles: list[Article], removed: list[Removal]) -> list[Article]:
    """`articles` without an opening that another of them shares and no text of the
    cluster goes on about (listed in `removed`)."""
    paragraphs_ = [tuple(p.strip() for p in a.text.split("\n\n")) for a in articles]
    pages = list(dict.fromkeys(paragraphs_))  # (copies once: the same cut for all)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for paragraphs in pages:
        by_first.setdefault(paragraphs[0], []).append(paragraphs)
    cut: dict[tuple[str, ...], int] = {}  # an opening, by the pages it opens
    for group in by_first.values():
        for a, b in pairwise(group):
            k = 0
            while k < min(len(a), len(b)) and a[k] == b[k]:
                k += 1
            opening = a[:k]
            if (min(len(a), len(b)) - k < SHARED_OPENING_REST  # (one story told short)
                    or len(" ".join(opening).split()) > SHARED_OPENING_WORDS
                    or _DATED_NEWS.search(" ".join(opening))):
                continue
            words = _told_words(" ".join(opening))
            rest_a, rest_b = _told_words(" ".join(a[k:])), _told_words(" ".join(b[k:]))
            if not words or len(rest_a & rest_b) > SHARED_RESTS_ALIKE * len(rest_a | rest_b):
                continue
            others = [p[k:] if p[:k] == opening else p for p in pages]
            if all(len(words & _told_words(" ".join(p))) <= SHARED_OPENING_TOLD * len(words)
                   for p in others):
                for p in paragraphs_:
                    if p[:k] == opening:
                        cut[p] = max(cut.get(p, 0), k)
    out = []
    for article, paragraphs in zip(articles, paragraphs_):
        if k := cut.get(paragraphs, 0):
            removed.extend(Removal(article.id, "shared opening", p) for p in paragraphs[:k])
            article = replace(article, text="\n\n".join(paragraphs[k:]))
        out.append(article)
    return out


# A headline or caption glued to the story's first sentence without a stop, "Monkeys learn
# to cover their eyes when they want to be left alone Monkeys at Colchester Zoo have
# invented ...", "Swine flu causes regular outbreaks in pigs Infection control experts
# are ...": a capitalized word after a small-letter word, in the first sentence of one of
# an article's first GLUED_PARAGRAPHS paragraphs, that starts a sentence of its own.
GLUED_PARAGRAPHS = 2
GLUED_PIECES = 3  # pieces glued before one sentence: a headline, a standfirst, a caption
GLUED_HEAD_WORDS = 20  # words glued before it at most; before "A" after a name, a headline
GLUED_HEAD_NAME_A = 24  # and a caption may take more ("... aid to Haiti A Red Cross van ...")
# Words before "A" that make it a label, not a sentence's first word ("Plan A", "class A
# drugs", "Serie A", "series A round", "point A to point B"); either case.
_LABELS = ("plan|type|class|grade|group|vitamin|hepatitis|influenza|serie|series|letter|"
           "point|pool|triple|double|single|straight|rated|exhibit|section|category|option|"
           "tier|size|model|team|gate|terminal|block|phase|stage|part|schedule|form|division|"
           "league|level|row|figure|table|item")
_LABEL_BEFORE = rf"(?!(?i:an?|the|{_LABELS})\b)"
# Words that open sentences and are no one's name, however seldom the cluster writes them
# in small letters ("... slums of Haiti after the quake Almost two weeks after ...").
_OPENING_WORDS = frozenset("Almost About Nearly More Most Some Many Several Thousands Hundreds "
                           "Dozens Millions Two Three Four Five Six Seven Eight Nine Ten He "
                           "She They We It There After When While Although Despite Perhaps "
                           "However Meanwhile Instead Yesterday Today Another".split())
_COUNTS = frozenset("Two Three Four Five Six Seven Eight Nine Ten Dozens Hundreds Thousands"
                    .split())
_COUNTED = r"[A-Z][a-z]+(?:an|ish|ese|i) [a-z]"  # a number's group by nationality, "Haitian ..."
_GLUED = re.compile(r"(?<=\s)(?=[a-z][\w'’-]* [A-Z])[a-z][\w'’-]*[a-z] ([A-Z][a-z]+)(?= [a-z(0-9])"
                    # or "A", "An" after a small-letter word, not a label's ("Haiti rescue
                    # operation ends A 23-year-old man has been ..."; not "an A grade")
                    rf"|(?<=\s)(?=[a-z][\w'’-]*[a-z] An? ){_LABEL_BEFORE}"
                    r"[a-z][\w'’-]*[a-z] (An?)"
                    r"(?= (?!(?:to|on|by|with|in|of|for|and|or|at)\b)[a-z0-9])"
                    # or "A", "An", "The" after a name ("Matthew Price reports from Mexico A
                    # 23-month-old Mexican child has died ..."; not "Plan A", "Type A"), "A"
                    # before a name too ("... deliver aid to Haiti A Red Cross van on its way
                    # ...")
                    rf"|(?<=\s)(?=[A-Z][\w'’-]*[a-z] (?:An?|The) ){_LABEL_BEFORE}"
                    r"[A-Z][\w'’-]*[a-z](?<!['’]s) (An?|The)"
                    r"(?= [a-z0-9]|(?<= A) (?:[A-Z][\w'’-]* ){1,2}[a-z])"
                    # or "The" and a name after a name, not a possessive's ("... teams from
                    # many nations in Haiti The EU has pledged ..."; not "Britain's The Sun")
                    r"|(?<=\s)[A-Z][\w-]*[a-z](?<!['’]s) (The)(?= [A-Z][\w'’-]* [a-z])"
                    # or a word that opens sentences after a name ("Aid workers are reaching
                    # Port-au-Prince With up to 50,000 people feared dead, ...")
                    r"|(?<=\s)(?=[A-Z][\w-]*[a-z] (?:With|As|More|Up|At|[A-Z][a-z]+) [a-z0-9]"
                    # (a number's group may be named by its nationality: "... only
                    # Haitians in Reading Two Haitian women who met ..."; not "Channel Four
                    # News")
                    rf"|[A-Z][\w-]*[a-z] (?:{'|'.join(sorted(_COUNTS))}) {_COUNTED})"
                    r"[A-Z][\w-]*[a-z](?<!['’]s) (With|As|More(?= than)|Up(?= to)|At(?= least)|"
                    + "|".join(sorted(_OPENING_WORDS - {"More", "Most", "It"}))
                    + rf")(?= [a-z0-9]| {_COUNTED})"
                    # or a common noun that acts, after a place a preposition takes ("Help
                    # has been slow to get through to survivors in Haiti Criminals are using
                    # online scams ..."); the cluster must write it in small letters, or
                    # it is a plural that it never capitalizes again
                    r"|(?:(?<= in )|(?<= at )|(?<= from )|(?<= to )|(?<= across ))"
                    r"[A-Z][a-z]+ ([A-Z][a-z]+)(?= (?:are|is|were|was|have|has|had|will|said)\b)"
                    # or a conjunction that opens sentences before a name ("Husband of
                    # missing journalist speaks out While Gadhafi did not mention ...")
                    # (not a title's: "the comedy When Harry Met Sally")
                    r"|(?<=\s)[a-z][\w'’-]*[a-z] (While|When|Although|Despite|However|"
                    r"Meanwhile)(?= [A-Z][a-z]+ [a-z])")
# (after a small word; "Between 100,000 and 200,000 people ...", not "... drama Between the
# Lines")
_STRONG_OPENING = re.compile(r"Up to |More than |At least |Between \d")
_FIRST_STOP = re.compile(r"(?<!\.[A-Z])[.!?](?:\s|$)")  # (not "U.S. ")


def _first_end(paragraph: str) -> int:
    """Where `paragraph`'s first sentence ends (`_FIRST_STOP`), or its length."""
    stop = _FIRST_STOP.search(paragraph)
    return stop.start() if stop else len(paragraph)


# A headline's kicker before a colon: "Haiti earthquake: not enough doctors", "In pictures:
# ..." (a colon further on is a sentence's own: "He said: ...").
_KICKER = re.compile(r"^(?:\S+ ){0,3}(?<!said )(?<!says )(?<!told )(?<!added )(?<!wrote )"
                     r"(?!(?:said|says|told|added|wrote):)\S+: [^:]*$")
# The words a headline does not end on ("... at the", "... said"), nor on a verb or an
# adjective that its sentence goes on from ("The British government rejected Calls on
# Friday ...", "Global warming may be causing Spring to arrive ...", "The formation of a
# new International conservation body ...", "... will send observers to monitor May 16
# elections"), as some archives capitalize mid-sentence.
_NOT_LAST = frozenset("the a an of in at on to for with by from and or but his her their its "
                      "our my your this that these those said says told as than into over "
                      "under about after before against between during is are was were be "
                      "been new old first last next former late".split())
_GOES_ON = re.compile(r"(?:ed|ing)$|^(?:to|will|would|can|could|may|might|should|must|did|"
                      r"does|do)$")
_CALENDAR = frozenset("January February March April May June July August September October "
                      "November December Monday Tuesday Wednesday Thursday Friday Saturday "
                      "Sunday".split())


def _cut_glued_headlines(articles: list[Article], removed: list[Removal]) -> list[Article]:
    """`articles` with a headline glued before the first sentence of one of their first
    paragraphs cut (listed in `removed`)."""
    texts = [a.text for a in articles]
    small_words = _SmallWords(texts)
    out = []
    for article in articles:
        paragraphs_ = article.text.split("\n\n")
        for i, paragraph in enumerate(paragraphs_[:GLUED_PARAGRAPHS]):
            # a headline, then a photo's caption, then the story: "Charities in Haiti step
            # up aid after quake Distribution problems continue to hamper getting aid to
            # survivors Some three million ..."
            for _ in range(GLUED_PIECES):
                start, reason = _captioned(paragraph), "caption"
                if start is None:
                    start, reason = _glued_sentence(paragraph, texts), "headline"
                if start is None:
                    start = _echoed_headline(paragraph)
                if start is None and (start := _renamed(paragraph)) is not None:
                    reason = "caption"
                if start is None and (start := _before_the(paragraph)) is not None:
                    reason = "caption"
                if start is None:
                    start = _title_case_headline(paragraph, small_words)
                if start is None:
                    break
                removed.append(Removal(article.id, reason, paragraph[:start - 1]))
                paragraph = paragraphs_[i] = paragraph[start:]
                # (the wire's dateline the caption stood before: "(By Ricky Carioti -- The
                # Washington Post) BELTON, Mo., Oct. 20 -- Battling George W. Bush ...")
                if (dateline := _DATELINE.match(paragraph)) is not None:
                    removed.append(Removal(article.id, "dateline", dateline.group(0).strip()))
                    paragraph = paragraphs_[i] = paragraph[dateline.end():]
        if _INSIDE.search(article.text):  # (found in one search of the text)
            for i, paragraph in enumerate(paragraphs_):
                for _ in range(GLUED_PIECES):  # (a subhead, then a caption)
                    if (start := _glued_inside(paragraph)) is None:
                        break
                    removed.append(Removal(article.id, "caption", paragraph[:start - 1]))
                    paragraph = paragraphs_[i] = paragraph[start:]
        # Further down, a caption whose name its sentence opens on again, or a caption,
        # pull quote or link's title without its stop, glued before a sentence that opens
        # on a word that opens sentences ("Husband of missing journalist speaks out While
        # Gadhafi did not mention ...").
        for i, paragraph in enumerate(paragraphs_[GLUED_PARAGRAPHS:], GLUED_PARAGRAPHS):
            start = _renamed(paragraph)
            if start is None and _STRONG_HINT.search(paragraph, 0, _first_end(paragraph)):
                start = _glued_sentence(paragraph, texts, strong=True)
            if start is not None:
                removed.append(Removal(article.id, "caption", paragraph[:start - 1]))
                paragraphs_[i] = paragraph[start:]
        text = "\n\n".join(paragraphs_)
        out.append(article if text == article.text else replace(article, text=text))
    return out


# A caption or a subhead glued before the first sentence of any paragraph, told by what
# is never capitalized inside a sentence after a small-letter word: a day's "On Sunday,"
# ("The moment six-year-old Nazer Erne emerged in the arms of a rescuer On Sunday, five
# days after the quake hit, ..."), a count's "Fewer than 20%" ("The town's large Catholic
# church was reduced to rubble Fewer than 20% of buildings remain standing ..."); or a
# subhead in capitals at the paragraph's start before "The" ("U.S. APPEARS TO WANT ONLY
# SUPPORTING ROLE The next phase of planning ..."), not a sentence's opening words in
# capitals ("FOR MORE THAN A decade, ...", "IN THE END The ...").
_INSIDE = re.compile(
    r"(?<=[a-z] )(?P<opening>On (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),"
    r"|(?:Fewer|Less|More) than \d|Up to \d|At least \d)"
    r"|(?m:^)(?P<subhead>(?:[A-Z][A-Z.'’-]*,? ){2,}[A-Z][A-Z.'’-]*[A-Z.] )(?=The [a-z])")
_INSIDE_STOP = re.compile(r"(?<=[a-z\d])[.!?][\"”’']?\s")  # (not "U.S. ")
INSIDE_WORDS = 25  # words of caption or subhead at most
# Words a sentence's opening in capitals ends on before going on: not a subhead's last.
_GOES_ON_CAPS = frozenset("A AN THE OF TO IN ON AT BY FOR FROM WITH AS THAN AND OR BUT IS WAS "
                          "ARE WERE BE JUST ONLY THAT THIS END TIME DAY YEAR".split())


def _glued_inside(paragraph: str) -> int | None:
    """Where the sentence starts that a caption or subhead (`_INSIDE`) is glued before, in
    `paragraph`'s first sentence, or None; the paragraph keeps at least six words after
    it."""
    stop = _INSIDE_STOP.search(paragraph)
    for match in _INSIDE.finditer(paragraph, 0, stop.start() if stop else len(paragraph)):
        start = match.start() if match.group("opening") else match.end()
        head = paragraph[:start]
        words = head.split()
        if (not 3 <= len(words) <= INSIDE_WORDS or len(paragraph[start:].split()) < 6
                or head.count('"') % 2 or head.count("“") != head.count("”")
                or (not words[-1].islower() if match.group("opening")  # ("Never On Sunday")
                    else words[-1].rstrip(",") in _GOES_ON_CAPS)):
            continue
        return start
    return None


# A photo's caption glued before the story's first sentence, told by how it ends: a
# speaker's words under a picture, with no stop after them ("UN chief Ban Ki-Moon calls
# for Haiti aid patience Ban Ki-moon: "For a small country like Haiti, this is a
# tsunami-like disaster" UN Secretary General Ban Ki-moon has appealed ...", or in single
# quotation marks, here Timeline17's: "WHO flu expert Dr Keiji Fukuda: ` The picture is
# evolving ' The international community ..."), or the photo credit after the caption
# ("A worker monitors an automated manifold ... in Cushing, Okla.
# (By Shane Bevel -- Bloomberg News) The precipitous fall ..."). Everything before the
# story's sentence goes: the page's headline, if one is there, with the caption.
_TITLES = r"(?:Sen|Rep|Gov|Gen|Dr|Mr|Mrs|Ms|St|Jr|Lt|Col|Prof|Rev)\."  # ("Prof. John Oxford:")
_GLUED_CAPTION = re.compile(
    # (not a sentence's own quotation: 'He told reporters: "We are ready" Monday at ...')
    r"^(?![^\n:]*\b(?:said|says|told|tells|read|reads|wrote|writes|added|asked|declared)\b)"
    rf"(?>\b{_TITLES}|[^\n\"“”:.!?]){{3,160}}?: "
    r"(?:[\"“][^\n\"“”]{10,250}?(?<![.!?,])[\"”]"
    r"|`[^\n`']{10,250}?(?<![.!?,]) '|‘[^\n‘’]{10,250}?(?<![.!?,s])’) "
    rf"(?!(?:{'|'.join(sorted(_CALENDAR))})\b)"
    r"(?=[A-Z][\w'’-]* [\w'’-])"
    # (the caption is no more than one sentence: "Cushing, Okla. (By ...")
    # (each step taken once, a title's stop first: "Lt.-Gen." repeated, read as letters
    # and stops or as titles, took time exponential in its length)
    rf"|^(?>\b{_TITLES}|\b(?:Mo|Okla|Calif|Fla|Pa|Tex|"
    r"Va|Wash|Mass|Conn|Ill|Mich|Ariz|Ga|La|Md|Minn|Tenn|Wis)\.|[^\n.!?]"
    r"|[.!?](?!\s+[A-Z\"“])){10,300}? "
    r"\(By [A-Z][^()]{2,60}? -- [^()]{2,40}\)\s+"
    r"(?=[A-Z\"“'‘])")


def _captioned(paragraph: str) -> int | None:
    """Where the sentence starts that a caption (`_GLUED_CAPTION`) is glued before, or None."""
    match = _GLUED_CAPTION.match(paragraph)
    return match.end() if match else None


# A headline in title case glued before the story's first sentence: "For Bailout Money,
# GMAC Agrees to End Deal With GM The auto financing giant GMAC relinquished ...", "As
# China's Losses Mount, Confidence Turns to Fear A worker waiting to get ...", "Aided by
# Financial Crisis, China Snaps Up Natural Resources Worldwide SHANGHAI -- Chinese
# companies ...", "China Can Do the Most Good ... in Order This should be China's time to
# shine.". The capitalized run before the first small word that is no headline's
# (TITLE_SMALL) holds the headline and the sentence's first word: its last "The", "A" or
# "An" after TITLE_HEADLINE_WORDS words, or else the word just before that small word,
# when it opens sentences (a number, a pronoun, "This", "When": `_OPENING_WORDS`), is a
# dateline's place or a participle ("... Emergency Loan Invoking extraordinary powers
# ..."), and the headline shows a verb of the present (a word ending in "s" that the
# cluster writes in small letters, "Says", "Calls"; before a participle, one the cluster
# writes as a verb, "Seizes" and "seized"). A run of names is no
# headline ("The Centers for Disease Control and ...", "United Auto Workers President
# Stephen Yokich is ..."): a sentence whose subject is capitalized keeps its headline,
# which no small-letter cue tells, unless a person's title opens it and the headline
# names the person ("Obama Says Economic Crisis Comes First President Obama declared
# ...").
_TITLE_SMALL = frozenset("a an the of in on at to for with and or but by from as vs. via "
                         "into over after".split())
_TITLE_OPENING = _OPENING_WORDS | frozenset("This That These Those What Why How Where In On "
                                            "At For By From Now Then Still Yet".split())
TITLE_HEADLINE_WORDS = 5  # the headline's least length in words
# A verb right after a word: the word is a subject that acts ("Darlene Etienne was found
# ...", "... Xi Jinping met ...")
_VERB_NEXT = re.compile(r" (?:said|says|was|is|were|are|has|had|have|will|met|told|[a-z]+ed)\b")
# A person's title that opens the sentence after a headline that names the person: "Bush
# Calls Bailout Vital to Economy, Will Meet With McCain and Obama President Bush said ..."
_PERSON_TITLES = frozenset(("President", "Senator", "Governor", "Secretary", "Chancellor",
                            "Premier", "Minister", "Mayor"))  # (not "Sen.": a stop ends the run)


class _SmallWords:
    """The words the cluster's `texts` write in small letters, and the stems of their
    verbs ("-ed" and "-ing" words), read when first asked."""

    def __init__(self, texts: list[str]) -> None:
        self._texts, self._words, self._stems = texts, None, None

    def __contains__(self, word: str) -> bool:
        return word in self._read()

    def verb_of(self, word: str) -> bool:
        """Whether the texts write an "-ed" or "-ing" word of `word`'s stem in small letters
        ("seized" for "seizes")."""
        if self._stems is None:
            self._stems = frozenset(stem(w) for w in self._read() if w.endswith(("ed", "ing")))
        return stem(word) in self._stems

    def written(self, words: str) -> int:
        """How often the texts write `words`."""
        return sum(t.count(words) for t in self._texts)

    def _read(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(_SMALL_WORD.findall(" ".join(self._texts)))
        return self._words


_POSSESSIVE_END = re.compile(r"['’]s?$")
_SMALL_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
# The words before "The", "A" or "An" that make it a title's or a label's: "About The
# Bonuses" (a headline's own preposition), "Al Gore's An Inconvenient Truth", "Serie A".
_NO_TITLE_START = frozenset("about against before between through without under like than "
                            "because via".split())


def _title_case_headline(paragraph: str, small_words: _SmallWords) -> int | None:
    """Where the sentence starts that a title-case headline is glued before (see above)."""
    words = list(re.finditer(r"\S+", paragraph[:_first_end(paragraph)]))
    small = next((n for n, m in enumerate(words) if not (
        m.group()[0].isupper() or m.group()[0] in "$0123456789" or m.group() in _TITLE_SMALL)),
        None)
    if small is None or small <= TITLE_HEADLINE_WORDS or len(words) - small < 4:
        return None
    head = [m.group() for m in words[:small]]
    article = [n for n in range(TITLE_HEADLINE_WORDS, small) if head[n] in ("The", "A", "An")]
    titled = [j for j in (small - 2, small - 3) if j > TITLE_HEADLINE_WORDS
              and head[j] in _PERSON_TITLES and head[small - 1] in head[:j]]
    if article:
        start = article[-1]
    elif titled:  # ("... Will Meet With McCain and Obama President Bush said ...")
        start = titled[0]
    else:
        start = small - 1
        first = head[start]
        dateline = first.isupper() and len(first) >= 3 and words[small].group() in ("--", "—")
        # (or a participle that opens on the sentence's own clause, when the headline's verb
        # is one the cluster writes as a verb: "U.S. Seizes Control of AIG With $85 Billion
        # Emergency Loan Invoking extraordinary powers ..." and "seized"; not "... Xi
        # Jinping met ...", "... Boeing machinists ...")
        participle = (len(first) > 5 and first.endswith("ing")
                      and not _VERB_NEXT.match(paragraph, words[small].start() - 1))
        # (or the name the headline is about, which the sentence opens on again: "On
        # Al-Qaeda Web Sites, Joy Over U.S. Crisis, Support for McCain Al-Qaeda is watching
        # ..."; not a name's last word, "... Into Law Barack Obama signed ...", which the
        # cluster writes after its first elsewhere, nor names joined, "The Bank of Japan
        # and the European Central Bank cut ...")
        echo = (len(first) > 3 and first in head[:start - 1]
                and not {"and", "or", "&"} & set(head)
                and small_words.written(f"{head[start - 1]} {first}") <= 1)
        verbs = [w for w in head[1:start] if w[-1] == "s" and w[-2:-1].isalpha()]
        if participle and not (first in _TITLE_OPENING or dateline):
            told = any(small_words.verb_of(w.lower()) for w in verbs)
        else:
            told = any(w.lower() in small_words for w in verbs)
        if not echo and (not (first in _TITLE_OPENING or dateline or participle) or not told):
            return _after_headline_verb(head, words, small, small_words)
    before = head[start - 1]
    if (before.lower() in _TITLE_SMALL or before.lower() in _NO_TITLE_START
            or before[-1] in ",;:(" or _POSSESSIVE_END.search(before)
            or re.fullmatch(_LABELS, before.lower())):
        return _after_headline_verb(head, words, small, small_words)
    return words[start].start()


# A title-case headline with a verb or question word in capitals ("How the Fed Failed to
# Tell Obama About The Bonuses Federal Reserve officials knew ...", "Woodward: For Bush
# Legacy, Iraq Looms Large What will be ...", "The Officer Should Eat Last As a sign of
# ..."): its sentence starts after the headline's last verb, at the longest run of two
# capitalized words or more before the first small word that the cluster writes again
# ("Federal Reserve", "Niall Ferguson"), or else at the last word there that opens
# sentences ("What", "As", "This") with small letters after it. On the dev pages it cuts
# 8 headlines, no sentence's opening; a name the cluster writes once ("... Crisis Aid Wall
# Street analysts ...") keeps its headline, and a title the cluster writes again around
# its verb ("Former Orange Is the New Black actress ...") is the sentence's own.
_HEADLINE_VERB = frozenset((
    "Has", "Have", "Had", "Is", "Are", "Was", "Were", "Did", "Does", "Do", "Can", "Could",
    "Should", "Would", "Must", "Gets", "Says", "Takes", "Makes", "Tells", "Wants", "Seeks",
    "Faces", "Hits", "Wins", "Loses", "Goes", "Comes", "Failed", "Fails", "Plans", "Warns",
    "Calls", "Urges", "Backs", "Vows", "Slams", "Raises", "Cuts", "Sees", "Finds", "Shows",
    "Leads", "Joins", "Quits", "Dies", "Died", "Killed", "Kills", "Accelerated", "Gives",
    "Puts", "Looks", "Offers", "Asks", "Opens", "Closes", "Drops", "Jumps", "Soars", "Tumbles",
    "Slumps", "Turns", "Needs", "Learns", "Looms"))
_QUESTION_WORDS = frozenset(("How", "Why", "What"))
_SENTENCE_OPENING = frozenset((
    "This", "That", "These", "Those", "What", "Why", "How", "Where", "When", "While", "After",
    "Although", "As", "If", "Is", "Are", "Do", "Does", "Did", "Can", "Could", "Should", "Would",
    "Well", "I", "You", "We", "He", "She", "They", "It", "There", "Now", "Then", "Still", "Yet",
    "Meanwhile", "However", "Instead", "Perhaps", "Today", "Yesterday"))  # (not "About", "Some")


def _after_headline_verb(head: list[str], words: list[re.Match], small: int,
                         small_words: _SmallWords) -> int | None:
    """Where the sentence starts after a headline with a verb in capitals (see above)."""
    verbs = ([n for n in range(1, small) if head[n].strip(",:;") in _HEADLINE_VERB]
             or [n for n in range(1, small) if head[n] in _QUESTION_WORDS])
    if not verbs or any(small_words.written(" ".join(head[n - 1:n + 2])) >= 2 for n in verbs):
        return None  # (a title the cluster writes again: "... Orange Is the New Black ...")
    first = small - 1  # (the capitalized words just before the first small word)
    while (first > verbs[-1] + 1 and head[first - 1][0].isupper()
           and head[first - 1][-1] not in ",:;"):
        first -= 1
    for start in range(first, small - 1):  # the longest that the cluster writes again
        if small_words.written(" ".join(head[start:small])) >= 2:
            return words[start].start()
    opening = [n for n in range(verbs[-1] + 1, small) if head[n].strip(",") in _SENTENCE_OPENING
               and head[n - 1].lower() not in _TITLE_SMALL
               and (n + 1 == small or head[n + 1].islower())]  # ("As a sign", not "As Fuel")
    return words[opening[-1]].start() if opening else None


# A headline glued before the sentence that retells it, where the sentence opens on a name
# or an acronym, which the cluster's small letters cannot tell from a name inside a
# sentence: "UK charities prepare to deliver Haiti earthquake aid UK aid efforts are
# underway to help earthquake hit Haiti, ...", "Haiti earthquake still dominates
# headlines The United Nation's declaration ... dominates Sunday's papers". The sentence
# starts at a capitalized word (not a weekday or month) with a small-letter word or a
# number after it, or at "The", "A", "An"; after a capitalized word, only at an article,
# an acronym or a nationality ("... reached Port-au-Prince British aid workers ...", not
# "the European Bank for ..."). What comes before it takes 4 to 14 words; half or more of
# its words of content (ECHO_CONTENT_WORDS or more) come back in the sentence, by their
# first four letters ("pulled", "pulling"): three of them, or one of its first three.
_ECHO_START = re.compile(r"(?<=[\w'’]) (?=(?:[A-Z][\w'’-]*|A|An|The) [a-z0-9])"
                         r"|(?<=[\w'’]) (?=The [A-Z])"
                         # (or a full name after a small-letter word, when the headline
                         # names the person too: "Leona and JLS on Haiti single Leona
                         # Lewis and JLS have confirmed ...")
                         r"|(?<=[a-z]) (?=(?P<first>[A-Z][\w'’-]*) (?P<last>[A-Z][\w'’-]*) "
                         r"[a-z])")
ECHO_CONTENT_WORDS = 3
_NOT_CONTENT = frozenset("the a an of in on at to for with by from and or but is are was "
                         "were be been has have had as it its this that these those after "
                         "over into up out about says said will would can could new".split())
_CONTENT_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten".split())
# ("Aid workers have reached Port-au-Prince British aid workers have begun ...")
_NATIONALITIES = frozenset(
    "British American French German Chinese Japanese Russian Italian Spanish Canadian "
    "Australian Indian Mexican Israeli Palestinian Iranian Iraqi Afghan Pakistani Egyptian "
    "Libyan Syrian Turkish Haitian Irish Scottish Welsh English Brazilian Korean".split())


# A caption that opens on the name its story's first sentence opens on, glued before it:
# "Emmanuel Etienne was terrified he would lose his leg Emmanuel Etienne may be badly
# injured ...", "Simon Cowell signs stars for Haiti charity single Simon Cowell is in
# talks ..." (BBC pages)
_OPENING_NAME = re.compile(r"(?:[A-Z][\w'’-]+ ){1,2}[A-Z][\w'’-]+(?= [a-z])")


def _renamed(paragraph: str) -> int | None:
    """Where the first sentence starts again on the name `paragraph` opens with (two or
    three capitalized words), after a small-letter word and 4 to 20 words of caption, or
    None."""
    name = _OPENING_NAME.match(paragraph)
    if name is None:
        return None
    end = _first_end(paragraph)
    at = _again(paragraph, name.group(0), name.end(), end)
    if at is None:
        return None
    head = paragraph[:at]
    words = head.split()
    # (not where a sentence goes on to the name: "... the party of Barack Obama would ...",
    # "... as fans across New Zealand celebrated", "... and officials hope Kim Jong Un
    # will ..."; nor inside a longer name or title: "... US President Barack Obama")
    # A caption may join clauses when the name starts a clause of its own again after a
    # word that leads on to no name: "Darlene Etienne was found when neighbours heard her
    # weakly calling Darlene Etienne was pulled, barely alive, ..." (not "... arrested near
    # Fort Hood has told ...", "... officials hope Kim Jong Un will ...", nor where the
    # name does not act in the caption: "Hong Kong police said tourists visiting Hong Kong
    # were warned ...").
    again_acts = (words[-1].lower() not in _JOINS
                  and _VERB_NEXT.match(paragraph, name.end())
                  and _NAME_ACTS.match(paragraph, at + len(name.group(0))))
    if (not 4 <= len(words) <= 20 or len(paragraph[at:end].split()) < 6
            or not words[-1][0].islower() or "," in head
            or any(w.lower() in _JOINS for w in words[2:]) and not again_acts
            or words[-1].lower() in _NOT_LAST or _GOES_ON.search(words[-1]) and not again_acts):
        return None
    return at


def _again(paragraph: str, name: str, start: int, end: int) -> int | None:
    """Where `name` stands again in `paragraph[start:end]` after a small-letter word and
    before one, or before "'s" (found without a pattern made for each name: speed)."""
    at = paragraph.find(name, start, end)
    while at != -1:
        after = paragraph[at + len(name):at + len(name) + 3]
        if (at >= 2 and "a" <= paragraph[at - 2] <= "z" and paragraph[at - 1] == " "
                and (after[:1] == " " and "a" <= after[1:2] <= "z" and len(after) > 1
                     or after in ("'s ", "’s "))):
            return at
        at = paragraph.find(name, at + 1, end)
    return None


_NAME_ACTS = re.compile(r" (?:(?:was|is|were|are) [a-z]+(?:ed|en|ing)"
                        r"|(?:has|had) [a-z]+(?:ed|en))\b")


# A caption or headline glued before a first sentence that opens on "The" or a number
# word ("... advice about swine flu Seventeen new cases of swine flu at Cambridge
# University have been confirmed ..."), which inside a sentence are capitalized only in a
# name ("at The Hague", "told The New York Times"):
# "Survivors dig with their bare hands, looking for food and water The UN has launched an
# appeal ...", "Aid agencies say women distribute food more fairly to their families The
# UN has begun ..." (BBC pages; the 34 places it cuts in the dev streams' pages are all
# captions, headlines or a standfirst). The sentence from "The" has a verb within its
# first words; the words before it are plain (`_plain_head`) and end on a word that
# leads on to no name (not "for", "of", "newspaper"; but "(un)accounted for", which takes
# no object: "... remain unaccounted for The United Nations has held ..." is cut).
_THE_START = re.compile(
    r"(?:(?<=[a-z] )|(?<=[a-z][\"”] ))"
    r"(?:The|(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)(?:-[a-z]+)?|"
    r"Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|"
    r"Sixteen|Seventeen|Eighteen|Nineteen|Dozens|Hundreds|Thousands|Millions) (?=[\w'’])")
_THE_VERB = re.compile(r"^(?:\S+ ){0,7}?(?:has|have|had|is|are|was|were|will|would|could|may|"
                       r"might|must|should|can|cannot|did|does|says|said|say|[a-z]{3,}ed|"
                       r"[a-z]{3,}s)\b")
_NAMES_A_TITLE = frozenset(
    "website site newspaper paper daily weekly magazine journal blog column columnist band "
    "group show programme program channel network series film movie album book novel play "
    "song guitarist singer host editor writer reporter correspondent comedy documentary "
    "drama musical poem opera".split())
# ... nor on a verb whose clause follows ("Aid workers in the valley say The Salvation Army
# can do more ...").
_CLAUSE_FOLLOWS = frozenset("say believe believes think thinks hope hopes fear fears warn warns "
                            "expect expects insist insists know knows claim claims argue argues "
                            "suggest suggests show shows mean means feel feels".split())


# ... though a headline may end on a particle that takes no object: "Dozens of UN
# employees remain unaccounted for The United Nations has held a memorial service ..."
_PHRASAL_END = re.compile(r"\b(?:unaccounted|accounted) for\s*$")  # (not "called for The Hague")


def _before_the(paragraph: str) -> int | None:
    """Where a sentence opening on "The" or a number word starts inside `paragraph`'s first
    sentence after 4 to 20 words of caption or headline (`_THE_START`), or None."""
    end = _first_end(paragraph)
    for match in _THE_START.finditer(paragraph, 0, end):
        head, rest = paragraph[:match.start()], paragraph[match.start():end]
        words, last = head.split(), head.split()[-1].rstrip("\"”'’")
        if (4 <= len(words) <= 20 and _plain_head(head)
                and last.isalpha()
                and (last.lower() not in _NOT_LAST | _NAMES_A_TITLE | _CLAUSE_FOLLOWS
                     or _PHRASAL_END.search(head))
                and not _GOES_ON.search(last) and len(rest.split()) >= 8
                and _THE_VERB.match(after := rest.split(" ", 1)[1])
                # (a name around it: "Jack The Ripper may have been ...")
                and not (last[0].isupper() and after[:1].isupper())):
            return match.start()
    return None


def _plain_head(head: str) -> bool:
    """`head` may be a caption or headline: no semicolon, no parenthesis, no colon but a
    kicker's ("In depth: Haiti's humanitarian crisis"), and its quotation marks closed
    ("` Very bad ' conditions in Haiti's hospitals"), as a quotation's lead-in is not
    ("He said: ...", "\"We are doing all we can,\" ...")."""
    if any(c in head for c in ";()") or ":" in head and not _KICKER.match(head):
        return False
    if head.count('"') % 2 or head.count("“") != head.count("”"):
        return False
    if "‘" in head and "’" not in head[head.rindex("‘"):]:
        return False
    if "`" in head and not re.search(r"`[^`']*'", head):
        return False
    end = head.rstrip()  # (a quotation closed on a word is a caption's: 'Dr Chan said the
    # pandemic would be of" moderate severity" The World Health Organization ...')
    return not (end[-1:] in "`‘“" or re.search(r"[.,!?;:][\"”'’]$", end))


# Words that join a sentence's clauses or lead on to a name: a caption has none of them
_JOINS = frozenset("as and but while when because if whether though although so than who "
                   "whom which where raising prompting across throughout around inside "
                   "outside near within among beyond say says hope hopes fear fears expect "
                   "expects believe believes warn warns insist insists think thinks".split())


def _retold(word: str, told: list[str]) -> bool:
    """Whether one of the `told` words (small letters) says `word` again: its first four
    letters ("pulled", "pulling"), its stem ("moved", "moving") or a compound's end
    ("quake", "earthquake")."""
    word_stem = stem(word)
    return any(w[:4] == word[:4] or stem(w) == word_stem
               or len(word) >= 5 and w.endswith(word) for w in told)


def _echoed_headline(paragraph: str) -> int | None:
    """Where the sentence starts that retells a headline glued before it (`_ECHO_START`),
    in `paragraph`'s first sentence, or None: the last such place, as a headline's own
    words may start one too ("... launches Haiti appeal The UK's ...")."""
    end = _first_end(paragraph)
    start = None
    for match in _ECHO_START.finditer(paragraph, 0, end):
        head, rest = paragraph[:match.start()], paragraph[match.end():end]
        words, word = head.split(), rest.split(None, 1)[0]
        if match.group("first") and not {match.group("first"), match.group("last")} & set(words):
            continue  # (not "... request to then president Yitzhak Ben-Zvi would be ...")
        if (not 4 <= len(words) <= 14 or any(c in head for c in ',;"“”()`')
                or word in _CALENDAR or len(rest.split()) < 6
                or words[-1].lower() in _NOT_LAST or words[-1] in _NUMBER_WORDS
                # (a name written with a small first letter: "... a duPont-Columbia Award")
                or words[-1][:1].islower() and not words[-1].islower()
                or _GOES_ON.search(words[-1])
                # a name's next word ("the European Bank for ..."), unless an article or
                # an acronym starts the sentence
                or words[-1][0].isupper() and word not in ("The", "A", "An")
                and not word.isupper() and word not in _NATIONALITIES):
            continue
        content = [w.lower() for w in _CONTENT_WORD.findall(head)
                   if w.lower() not in _NOT_CONTENT]
        told = [w.lower() for w in _CONTENT_WORD.findall(rest)]
        retold = {w for w in content if _retold(w, told)}
        # (a first sentence says its subject twice: "The massive earthquake that hit Haiti
        # ... was the most powerful earthquake to hit ...": three words come back, or one
        # of the sentence's first three)
        if (len(content) < ECHO_CONTENT_WORDS
                or sum(w in retold for w in content) < 0.5 * len(content)
                or len(retold) < ECHO_CONTENT_WORDS
                and not any(_retold(w, told[:3]) for w in retold)):
            continue
        start = match.end()  # (the last such place: "... launches Haiti appeal The UK's ...")
    return start


# A nationality's group that acts, opening the sentence a caption is glued before: "Many
# Haitian children became orphans after the earthquake Haitian police have arrested ..."
# The nationality follows a noun after an article, not an adjective ("six Libyan ports",
# "senior Libyan officials", "even Libyan civilians").
_GROUP_ACTS = re.compile(r" (?:police|troops|forces|soldiers|officials|authorities|rebels|"
                         r"protesters|charities|rescuers|doctors|workers|families|nationals|"
                         r"citizens|diplomats|ministers) (?:have|has|had|are|were|was|is|say|"
                         r"said|will|would|[a-z]{3,}ed)\b")
_THE_NOUN = frozenset(("the", "a", "an", "its", "their"))  # (the words before that noun)
_BEFORE_NATIONALITY = frozenset(("senior", "top", "other", "leading", "young", "local", "fellow",
                                 "ordinary", "main", "chief", "rival", "junior", "interim",
                                 "powerful", "current", "new", "former", "prominent"))


# Where a sentence opening on a word that opens sentences (no number) may be glued after a
# small-letter word: the paragraphs further down without one are not read (speed).
# (or a count of minutes or days later, which opens a sentence, not a name's: "Libyan rebels
# advance on Zawiya Ten minutes later, the bus drove ...", a link's title before it)
_COUNT_LATER = re.compile(r"(?:" + "|".join(sorted(_COUNTS - {"Dozens", "Hundreds", "Thousands"}))
                          + r") (?:minutes|hours|days|weeks|months|years) (?:later|earlier),")
# (the words: those that open sentences, no number, and the article, conjunctions and
# prepositions a sentence opens on: "Refugees flee Libya for Tunisia Another 110,000 people
# ...", "Alleged rape victim flees Libya The Qataris deported her ...", a link's title)
_OPENS_FURTHER_DOWN = (_OPENING_WORDS - _COUNTS) | frozenset((
    "The", "A", "An", "But", "And", "So", "To", "According", "Please", "In", "On", "As", "At",
    "With", "For", "From", "By", "If", "This", "These", "Those", "His", "Her", "Their", "Its",
    "Our"))
_STRONG_HINT = re.compile(r"[a-z] (?:" + "|".join(sorted(_OPENS_FURTHER_DOWN)) + r") "
                          rf"|[a-z] {_COUNT_LATER.pattern}")


def _glued_sentence(paragraph: str, texts: list[str], strong: bool = False) -> int | None:
    """Where the sentence starts that a headline is glued before, in `paragraph`'s first
    sentence, or None. The headline takes 4 to 20 words (GLUED_HEAD_WORDS; a headline and
    a caption before "A" after a name, GLUED_HEAD_NAME_A) with no comma, semicolon or
    quotation mark, and no colon but a kicker's (`_KICKER`), and does not end as a
    sentence that goes on does; the sentence left keeps at least six words; and its first
    word opens sentences (`_OPENING_WORDS`) or is an ordinary one, which the cluster's
    `texts` write in small letters at least as often as they capitalize it after a
    small-letter word ("Monkeys" against "monkeys"; not "Board" of "the state Board of
    Education", nor "Western" of "increased Western involvement"); `strong`, only a word
    that opens sentences further down a page (`_OPENS_FURTHER_DOWN`)."""
    end = _first_end(paragraph)
    for match in _GLUED.finditer(paragraph, 0, end):
        at = match.lastindex  # (the alternative that matched)
        head, word = paragraph[:match.start(at) - 1], match.group(at)
        words = head.split()
        # (but a capital "A" after a small-letter word goes on no sentence, labels aside:
        # "... the trapped man A ...", "... operation declared over A 23-year-old ..."; nor
        # does a name that a verb takes: "... are reaching Port-au-Prince With up to ...")
        # (a name's "-ing" before a number is no verb's: "... the only Haitians in Reading
        # Two ..."; "Dancing With the Stars" is a title)
        counted = at == 5 and word in _COUNTS
        opens = (word in _OPENING_WORDS or _STRONG_OPENING.match(paragraph, match.start(at))
                 or at == 1 and word in _NATIONALITIES and len(words) > 1
                 and words[-2] in _THE_NOUN
                 and words[-1] not in _BEFORE_NATIONALITY
                 and _GROUP_ACTS.match(paragraph, match.end(at)))
        # (a verb two words back goes on into its object, "... rejected Calls on ...", but
        # not past a name into "A", "An" or "The": "... for orphaned Haitians A charity ...")
        goes_on = at != 2 and (words[-1].lower() in _NOT_LAST
                               or _GOES_ON.search(words[-1]) and not counted
                               or at not in (3, 5) and _GOES_ON.search(words[-2])
                               and words[-2] != "to")
        longest = GLUED_HEAD_NAME_A if at == 3 else GLUED_HEAD_WORDS
        if (not 4 <= len(words) <= longest or goes_on
                or word in _CALENDAR or any(c in head for c in ';"“”')
                # (a comma only in a caption before a word that opens sentences: "Survivors
                # dig with their bare hands, looking for food and water Up to 10,000 ...")
                or "," in head and not opens
                # ("the Big Four Australian banks", "the Bali Nine Australian smugglers")
                or counted and len(words) > 1 and words[-2].lower() == "the"
                or ":" in head and not _KICKER.match(head)
                or paragraph.startswith(" of ", match.end(at))
                or len(paragraph[match.start(at):end].split()) < 6):
            continue
        # (`strong`: only a word that opens sentences further down, not a number, "...
        # Year Seven", nor after a title's noun, "the documentary When the Levees Broke")
        if strong and (word not in _OPENS_FURTHER_DOWN or at == 5
                       or words[-1].lower() in _NAMES_A_TITLE) and not (
                word in _COUNTS and _COUNT_LATER.match(paragraph, match.start(at))):
            continue
        if at >= 4 and sum(t.count(f"{words[-1]} {word} ") for t in texts) > 1:
            continue  # a name: "Jack The Ripper", "Mega Millions", written so again
        if strong:
            return match.start(at)
        if at == 5 or opens:
            return match.start(at)
        small = re.compile(rf"\b{word.lower()}\b")
        capital = re.compile(rf"\b[a-z][\w'’-]* {word}\b")
        capitals = sum(len(capital.findall(t)) for t in texts)
        if at == 6 and not _stands_alone(words[-1], texts):
            continue  # (a name of two words: "workers at General Motors are")
        if sum(len(small.findall(t)) for t in texts) >= max(capitals, 1):
            return match.start(at)
        # (a common noun's plural the cluster never capitalizes again after a small word,
        # that acts or is joined to a small word as a sentence's subject: "... offering
        # takeaway food Restaurants and cafes in Mexico City are to reopen ...", "...
        # survivors in Haiti Criminals are using ..."; not "has hit Texas and the rest", "to
        # see Rangers and their rivals", "polls show Christians are", "workers at General
        # Motors are")
        if (capitals <= 1 and _COMMON_PLURAL.search(word)
                and words[-1].lower() not in _CLAUSE_FOLLOWS
                and _PLURAL_ACTS.match(paragraph, match.end(at))):
            return match.start(at)
    return None


def _stands_alone(name: str, texts: list[str]) -> bool:
    """Whether the cluster writes `name` alone, before a stop or a small-letter word, twice
    or more ("Haiti", not "General" of "General Motors")."""
    alone = re.compile(rf"\b{re.escape(name)}(?:[,.;:]| [a-z])")
    return sum(len(alone.findall(t)) for t in texts) >= 2


_PLURAL_ACTS = re.compile(r" (?:and (?!(?:the|a|an|their|his|her|its|our|other|others|then)\b)"
                          r"[a-z]+(?= [a-z])|are|were|have|had|will|would)\b")
_COMMON_PLURAL = re.compile(r"..(?:ants|ents|ers|ors|als|ists|ians|ons|ies|ings|ures|ions)$")


# A stock ticker that a sentence splitter broke at its period before the text reached us,
# one line ending "Swiss drugs company Novartis (NOVN." and the next opening "VX) will not
# give free vaccines ..." (Reuters, as Timeline17 ships it), or a space put in it,
# "Petrofac (PFC. L)": one ticker again.
_SPLIT_TICKER = re.compile(r"\(([A-Z0-9]{1,6})\.\s+([A-Z]{1,4})\)")
# A title's abbreviation that a splitter took for a sentence's end, its name on the next
# line: '... said NATO Lt.-Gen.' / 'Charles Bouchard, referring to ...', '... lost to
# then-Sen.' / 'Tom Daschle (D-S.D.) by ...' (Timeline17). Not a state's ("Littleton,
# Col."), and the next line must open on a name, not on a sentence's first word.
_TITLES_SPLIT = ("Lt.-Gen", "Maj.-Gen", "Lt.-Col", "Brig.-Gen", "Brig", "Gen", "Lt", "Col", "Maj",
                 "Capt", "Adm", "Sgt", "Cmdr", "Sen", "Rep", "Gov", "Dr", "Mr", "Mrs", "Ms", "Prof",
                 "Rev")
_SPLIT_TITLE = re.compile(
    # (the stop first, the title read behind it: sre skips to each stop)
    r"\.(?:" + "|".join(rf"(?<=(?<![\w.])(?<!, ){re.escape(t)}\.)" for t in _TITLES_SPLIT)
    + r")[ \t]*\n[ \t]*"  # (one line break: a blank line ends a paragraph)
    # (a name: two capitalized words, or one before a comma or a bracket)
    r"(?=(?!(?:The|This|That|These|Those|There|Then|It|He|She|They|We|I|In|On|At|But|And|"
    r"So|As|A|An|One|Many|Most|Some|All|If|When|While|After|Before)\b)"
    r"[A-Z][a-z]+(?: [A-Z][a-z.]+\b|,| \())")


COMMENTS_AFTER = 3  # paragraphs kept above the first comment at least (the post's, its title)


def clean(article: Article) -> tuple[Article, list[Removal]]:
    """The article without its clutter, its paragraphs joined by blank lines."""
    removed: list[Removal] = []
    source = article.source

    def drop(line: str, reason: str) -> None:
        removed.append(Removal(article.id, reason, line))

    kept: list[str] = []
    seen: set[str] = set()
    pending: Rule | None = None
    text = _SGML_CODE.sub(" ", _INVISIBLE.sub("", article.text))
    if "(" in text:
        text = _SPLIT_TICKER.sub(r"(\1.\2)", text)
    if ".\n" in text:
        text = _SPLIT_TITLE.sub(". ", text)
    lines = paragraphs(text)
    # (a page's round-up or teasers: two or more later paragraphs open on a dateline, a
    # repeated one counted)
    later_datelines = sum("-- " in line[:60] and _LATER_DATELINE.match(line) is not None
                          for line in lines[DATELINE_PARAGRAPHS:]) >= 2
    chronology = sum(line[:1].isupper() and _CHRONOLOGY_DATE.match(line) is not None
                     for line in lines) >= CHRONOLOGY_ITEMS
    for line in lines:
        if "  " in line or "\t" in line:  # (what every run of _SPACES holds: found faster)
            line = _SPACES.sub(" ", line)
        if "- " in line and " - " not in line:  # (not where hyphens are dashes)
            line = _WRAPPED_HYPHEN.sub("-", line)
        if line[:1] == "(" and (sign_off := _SIGN_OFF.match(line)):
            drop(sign_off.group(0).strip(), "byline")
            line = line[sign_off.end():]
        if "COPYRIGHT " in line[:200] and (notice := _SYNDICATION_NOTICE.match(line)):
            drop(notice.group(0).strip(), "newswire markup")
            line = line[notice.end():]
        if "ultra-low latency" in line and (ad := _ADVERTISEMENT.search(line)):
            drop(ad.group(0).strip(), "advertisement")
            line = line[:ad.start()]
        if line[:1] == "(" and (double := _DOUBLE_CREDIT.match(line)):
            # (at the page's top, what stands above is its header: a headline, captions)
            above = len(kept) if len(kept) <= DATELINE_PARAGRAPHS else 1
            for _ in range(above):
                drop(kept.pop(), "photo caption or credit")
            drop(double.group(0).strip(), "photo credit")
            line = line[double.end():]
        if not line:
            continue
        key = " ".join(line.lower().split())
        repeated = key in seen
        seen.add(key)
        if pending and pending.then == "rest":  # (the page's comments: to its end)
            drop(line, pending.reason)
            continue
        if pending and pending.then == "next":
            drop(line, pending.reason)
            pending = None
            continue
        if pending and pending.then == "list":
            if _is_headline_like(line):
                drop(line, pending.reason)
                continue
            pending = None
        # (a photo's credit glued before the story's first sentence is cut, not the line)
        credit = "Photograph:" in line[:16] and _PHOTOGRAPH_CREDIT.match(line)
        rule = _match(line) if not credit else None
        too_early = (rule is not None and rule.then == "rest"
                     and len(kept) < (1 if rule.early else COMMENTS_AFTER))
        if too_early and not rule.early:
            rule = None  # (a story that opens on a post it quotes: no comments yet)
        if rule:
            drop(line, rule.reason)
            # (a notice above the story, a sidebar's, goes alone: the story is not comments)
            pending = rule if rule.then and not too_early else None
            if rule.capture == "source" and not source:
                source = line.split(":", 1)[1].strip()
            if rule.above and len(kept) > 1 and _is_headline_like(kept[-1]):
                drop(kept.pop(), rule.reason)
            continue
        if _is_date_stamp(line):  # its date was read before cleaning (brief/dating.py)
            drop(line, "date stamp")
            continue
        if repeated:
            drop(line, "repeated paragraph")
            continue
        kept.append(line)

    kept = _drop_link_runs(kept, drop)
    title = article.title
    if title is None and len(kept) > 1 and _is_headline_like(kept[0]):
        title = kept.pop(0)
        if not _is_title(title):
            drop(title, "page furniture")
            title = None
    before = 0  # characters of the paragraphs before this one
    story_start = None  # the paragraph that opens on a wire's dateline, if one does
    by_credit = False  # (or on a photo's credit)
    # A live page's entries, each opening on its time ("1615 Fabienne de Leval of Medecins
    # Sans Frontieres tells the BBC ..."): LIVE_ENTRIES or more such paragraphs, mostly in
    # time order (a page may hold two days), one at least at a time that is no recent year,
    # tell the page (not a table's rows, "2018 Poverty Guidelines ...", "2017 ...", nor
    # addresses, "1600 Pennsylvania Avenue ...", "2230 Ocean Drive ...").
    stamps = [int(m.group(0)) for line in kept if (m := _LIVE_TIME.match(line))]
    steps = [b - a for a, b in zip(stamps, stamps[1:]) if b != a]
    live = (len(stamps) >= LIVE_ENTRIES and any(not 1900 <= t < 2100 for t in stamps)
            and max(sum(d > 0 for d in steps), sum(d < 0 for d in steps)) >= 0.8 * len(steps))
    for i, line in enumerate(kept):
        if live and (entry := _LIVE_TIME.match(line)):
            drop(entry.group(0).strip(), "time stamp")
            line = kept[i] = line[entry.end():]
        # after the first paragraphs, only a wire's dateline with its agency in brackets
        # ("DJERBA, Tunisia (Reuters) -- ") tells that the story starts there
        lead = i < DATELINE_PARAGRAPHS or before < DATELINE_CHARS and "(" in line[:80]
        # (or after a header glued before it, which goes: then the paragraphs above are
        # header too, a promo headline above Reuters's "Full Article <headline> TRIPOLI |
        # Sat Sep 17, 2011 8:24 am IST TRIPOLI (Reuters) - ..."; not after a sentence of
        # the story's own, "The agency reported it this way: WASHINGTON (Reuters) - ...")
        if lead and story_start is None and ("(" in line and (inner := _INNER_DATELINE.search(
                line, 0, INNER_DATELINE_CHARS)) and not _SENTENCE_BEFORE.search(
                line[:inner.start()]) or _headline_dateline(line)):
            story_start = i
        # A photo's credit opening one of the first paragraphs ends the page's header: the
        # paragraphs above are the headline, a standfirst and the photo's caption (so they
        # are in every Timeline17 dev page that has one; a page that put a photo after its
        # lead paragraph would lose the lead); the last such credit, when the page opens
        # on a photo and what stands between is as short as captions and standfirsts
        # ("(By Jane Roe -- AP) The facade of ...", a standfirst, "(By John Doe --
        # Bloomberg News) ..."; not a lead and its next paragraph above a photo)
        gallery = None
        if lead and (story_start is None or by_credit and all(
                len(kept[j].split()) <= CAPTION_WORDS for j in range(story_start, i))) and (
                "Photograph:" in line[:16] and _PHOTOGRAPH_CREDIT.match(line)  # ("| Photo")
                or line[:1] == "(" and _PHOTOGRAPHER_CREDIT.match(line) and (
                    line.startswith("(By ") or all(len(kept[j].split()) <= CAPTION_WORDS
                                                   for j in range(i)))
                or (gallery := by_credit and line[:1] == "(" and _GALLERY_CREDIT.match(line))):
            story_start, by_credit = i, True
            if gallery:  # (cut here: no prefix pattern takes it)
                drop(gallery.group(0).strip(), "photo credit")
                line = kept[i] = line[gallery.end():]
        before += len(line)
        kept[i] = _strip_prefixes(line, drop, lead=lead, later_datelines=later_datelines,
                                  chronology=chronology)
        if " MORE " in kept[i]:
            kept[i] = _cut_link_widgets(kept[i], drop)
        if "." in kept[i] or ":" in kept[i]:
            kept[i] = _cut_tickers(kept[i], drop)
        if " here " in kept[i]:
            kept[i] = _cut_dateline_here(kept[i], drop)
    # The paragraphs above a wire's dateline are the page's header: a headline, story
    # highlights ("CNN source says NATO believes ..."), a standfirst, related links.
    header = story_start or 0
    for line in kept[:header]:
        drop(line, "page header")
    # A timeline box after the story, its entries' dates lost: "Here's a timeline of
    # events: Three days after the fall of ... Seven people are killed in clashes ...": old
    # events told in the present, which read as the day's news (a page that is a timeline
    # from its first paragraph, Reuters's "Here is a timeline of the civil war ...: Feb
    # 15/16, 2011 - ...", keeps it).
    box = next((i for i in range(header + 1, len(kept)) if (m := _TIMELINE_BOX.match(kept[i]))
                and not _DATED_ENTRY.match(kept[i][m.end():].lstrip() or
                                           (kept[i + 1] if i + 1 < len(kept) else ""))),
               len(kept))
    for line in kept[box:]:
        drop(line, "timeline box")
    text = "\n\n".join(kept[header:box])
    return replace(article, text=text, title=title, source=source), removed


def find_date(text: str) -> str | None:
    """The first calendar date written in `text`, as YYYY-MM-DD, or None."""
    for pattern, order in _DATES:
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups()))
            month = parts["m"]
            month_number = int(month) if month.isdigit() else _month_number(month)
            try:
                return date(int(parts["y"]), month_number, int(parts["d"])).isoformat()
            except ValueError:
                continue
    return None


def _month_number(name: str) -> int:
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
            "dec"].index(name.lower()[:3]) + 1


def paragraphs(text: str) -> list[str]:
    """The paragraphs of an article: its non-empty lines or, when the text is hard-wrapped
    (lines broken at a fixed width, as in e-mail and plain-text wires), its lines joined
    into paragraphs wherever a line fills the width and the next goes on unindented."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    out: list[str] = []
    current: list[str] = []
    for line, following in zip(lines, lines[1:] + [""]):
        if line.strip():
            current.append(line.strip())
        runs_on = (width and line.strip() and following.strip() and not _ends(line)
                   and not following[:1].isspace() and len(line.rstrip()) >= WRAP_FILL * width)
        if not runs_on and current:
            out.append(" ".join(current))
            current = []
    return out


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text is hard-wrapped at, or None when it is not hard-wrapped.

    Wrapped text has most of its lines near one width (40 to 100 characters), and most of
    those full lines break mid-sentence, the next line going on in lower case or after a
    comma; text with one paragraph per line (headlines, short paragraphs, link lists)
    has neither.
    """
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 4:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]  # a URL or two longer lines don't count
    if not 40 <= width <= 100:
        return None
    full = [(line.rstrip(), following.strip()) for line, following in zip(lines, lines[1:])
            if following.strip() and len(line.rstrip()) >= WRAP_FILL * width]
    mid_sentence = sum(1 for line, following in full
                       if following[:1].islower() or line.endswith(","))
    return width if len(full) >= 3 and mid_sentence >= 0.5 * len(full) else None


@lru_cache(maxsize=20_000)  # a one-sentence paragraph is asked again as a sentence
def _match(line: str) -> Rule | None:
    """The first rule with a pattern that condemns the line.

    Only rules marked `any_length` condemn lines of more than MAX_CLUTTER_WORDS words, so
    that a long paragraph that happens to contain "your email address will not be
    published", or to start "This image of ...", is kept.
    """
    short = len(line.split(None, MAX_CLUTTER_WORDS)) <= MAX_CLUTTER_WORDS  # (not split whole)
    return (_FIRST_RULE if short else _FIRST_ANY_LENGTH_RULE)(line)


def is_clutter(text: str) -> bool:
    """Whether a sentence is page clutter that cleaning could not cut off its line: the
    last check before a sentence goes into a brief."""
    return (_match(text) is not None or _IN_SENTENCE(text) is not None
            or bool(_FOOTNOTES.match(text)) or _place_caption(text) or _dated_caption(text)
            or _LINE_UP.search(text) is not None)


def credited(sentences: Sequence[Sentence]) -> frozenset[int]:
    """Each photographer's credit in brackets that stands as a sentence, with the
    sentences before it in its paragraph ("President Trump has announced Judge Neil
    Gorsuch ... (Victoria Walker/The Washington Post)"): a photo's or a video's caption,
    however newsy it reads. Of the dev sets' paragraphs so credited (21 Multi-News, 63 DUC
    2006: two newspapers' photo budgets), all are captions."""
    out: set[int] = set()
    for k, s in enumerate(sentences):
        if s.text[:1] == "(" and _CREDIT.match(s.text):
            j = k
            while j > 0 and (sentences[j - 1].article, sentences[j - 1].paragraph) == (
                    s.article, s.paragraph):
                j -= 1
            out.update(range(j, k + 1))
    return frozenset(out)


# A photographer's credit: a name, a slash, the outlet ("(Seth Wenig/AP)", "(LUKE RAFFERTY /
# Staff Photographer)", "(Christina House / For The Times)", "(Photo by Jane Roe/The Daily
# Planet)").
# Not a poll's, a syndicate's or a publisher's pair ("(ABC News/Washington Post)", "(Los
# Angeles Times/TNS)", "(Random House/Knopf)"), nor a politician and a party.
_CREDIT = re.compile(r"\((?!(?:Sen|Rep|Gov|Pres|Dr|Mr|Mrs|Ms)\. )"
                     r"(?:(?:Photo|Photograph|Image|Video) by )?(?:[A-Z][\w.'’-]+ ){1,3}"
                     r"(?!(?:News|Times|Post|Press|Poll|University|Journal|Tribune|Herald|"
                     r"Gazette|Daily|Magazine)\b)[A-Z][\w.'’-]+ ?/ ?(?:[Ff]or )?(?:[Tt]he )?"
                     r"(?![RDI]-|(?:Poll|Survey|TNS|Ipsos|Gallup|YouGov|Knopf)\b)"
                     r"[A-Z][\w.&'’ -]{1,40}\)$")


# A photo's people named in a row: "Stephen Farrell, from left, Tyler Hicks, ... and
# Anthony Shadid pose on Monday.", "Mahershala Ali (left) and Ryan Gosling share good
# wishes backstage ..." (the 7 such sentences cleaning leaves in the dev sets' texts are
# all captions; "My taxi tilted from left to right." is not one).
_LINE_UP = re.compile(r", from (?:left|right), |\b(?:[Pp]ictured|[Ss]een) from left to right\b"
                      r"|\((?:left|right|centre|center)\)")


# A photo caption ends on its full date, or on a date after a comma, after what its
# people do in its present and where: "African migrants stranded on a boat coming from
# Libya wait for rescue services near Sfax, on the Tunisian coast, on June 4.", "A boy
# wears a mask inside a bus in Bogota May 4, 2009." (the 22 such distinct dev sentences
# are all captions; not "Pope Francis arrives in Rio de Janeiro on July 22.", nor "A fire
# broke out ... in Dhaka on Nov. 24.": no year, no comma). Its verbs are `_CAPTION_VERB`'s
# without those that are also nouns ("fire", "march", "wave", "hold"), which a full date
# with its weekday makes safe there and a bare date does not, with a caption's others.
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}"
_MONTH_DAY_END = (rf"(?:,\s+(?:on\s+)?{_MONTH_DAY}(?:, \d{{4}})?"
                  rf"|(?:\bin [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*|\bon)\s+{_MONTH_DAY}, \d{{4}})\.$")
_DATED_CAPTION = re.compile(
    r"\b(?:(?:walk|speak|gesture|listen|smile|arrive|sit|attend|pause|greet|embrace|pose|"
    r"react|celebrate|pray|cheer|applaud|hug|kneel|chant|gather|wait|prepare|wear|ride|carry|"
    r"inspect|queue|shout|sleep)s?|stands|looks|carries|watch(?:es)?)\b[^.]{0,200}?"
    + _MONTH_DAY_END)
_NOT_CAPTION = re.compile(r"\b(?:is|are|was|were|will|would|had|has|have|said|says|told|"
                          r"could|can|should|may|might|must|did|does|do|saying|not)\b|n['’]t\b")


def _dated_caption(text: str) -> bool:
    return (text.endswith(".") and text[-2:-1].isdigit()
            and _DATED_CAPTION.search(text) is not None and not _NOT_CAPTION.search(text))


def _place_caption(text: str) -> bool:
    """A photo's place with what happens there, and no verb of its own (`_CAPTION_WHERE`)."""
    if ", where" not in text:  # (most sentences: no search)
        return False
    found = _CAPTION_WHERE.match(text)
    return found is not None and not has_verb(found.group(1))


# Reference numbers left before a sentence: "41 , 42 A recent review defined ..." (apart
# from the patterns above, whose literal screen a comma would defeat).
_FOOTNOTES = re.compile(r"\d+\s*,\s*\d+\s+[A-Z]")


# Clutter that sits inside a paragraph, glued to real text ("Morry Gash/AP Buy Photo
# Wait 1 second to continue."), which line rules cannot drop without the text.
# A wire photo caption gives its full date after a comma: "..., Calif., Tuesday, April
# 11, 2017.", "... from Forest Road, Wednesday, Sept. 2, 2015 in Millis, Mass." (all five
# such dates inside a dev sentence are captions too), or after "on" in a caption's present
# ("Fans arrive at the arena on Sunday, Aug. 27, 2017, in Inglewood, Calif.": five of the
# six in the dev articles; "The vote was held on Tuesday, April 11, 2017" is news).
_FULL_DAY = (r"\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
             r"(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+"
             r"\d{4}\b")
# What a photo caption's people do, in its present: "walks", "speaks", "shake hands".
_CAPTION_VERB = (r"(?:(?:walk|speak|gesture|listen|wave|smile|arrive|stand|sit|attend|pause|"
                 r"greet|embrace|pose|react|celebrate|pray|cheer|applaud|hug|kneel|chant|hold|"
                 r"gather|wait)s?|march(?:es)?|watch(?:es)?|"
                 r"(?:shake|look|hold|take|line)s? (?:hands|on|up|part))")
_CAPTION_DATE = re.compile(r"," + _FULL_DAY + r"|^(?!.*\b(?:was|were|is|are|had|has|have|will|"
                           r"would)\b).*\bon" + _FULL_DAY
                           # a caption's present before the full date: "Sen. Wendy Davis,
                           # D-Fort Worth, speaks to supporters at a rally Thursday, Oct. 3,
                           # 2013, in Haltom City, Texas."
                           + r"|\b" + _CAPTION_VERB + r"\b.{0,200}?" + _FULL_DAY, re.I)
# (for the alternatives below: no quotation closes after it, in any of the data's marks;
# no attribution follows within the sentence)
_NOT_QUOTED = r"(?![^\"”]*(?:[\"”]|''|``))"
_NOT_SAID = (r"(?![^.!?]{0,200}\b(?:said|says|told|wrote|tweeted|added|ordered|announced|"
             r"according to)\b)")
_CLUTTER_SENTENCE = re.compile(  # every alternative starts at a word boundary
    r"\b(?:buy photo|wait \d+ seconds? to continue|click here|(?:see|in) fig(?:ure)?\.? \d|"
    # the page's picture or clip, which a brief does not show: "the cuddly image below"
    r"(?:image|photo|picture|video|chart|graphic|map|clip|gallery|slideshow)s? (?:below|above)\b"
    r"(?!\s+(?:the|a|an|his|her|its|their|this|that)\b)|"
    # ... or "this" one: "Paula Blades shared this picture of her back, riddled with scars.",
    # "This video is copyright protected!!" (of the 29 such sentences of the dev sets, 27
    # point at the page's; the other two, a quotation on "this video being doctored" and a
    # critic's "this footage", lean on a clip the brief does not show as much); not what
    # someone said of one ("Prosecutors said this video showed ..."), nor "this image
    # problem", "this video game"
    r"(?<!\bsaid )(?<!\bsays )(?<!\bsay )(?<!\bthat )\bthis (?:photo(?:graph)?|picture|image|"
    r"video|clip|footage|selfie|snapshot)\b(?! (?:games?|problems?|crisis|makeover)\b)"
    r"(?![^.!?]{0,200}, (?:\w+ ){1,3}(?:said|says)\b)|"
    # a page sending its reader to a web address, the verb's object: "Visit amnh.org for
    # more information.", "For reservations, visit alaskaair.com.", "Visit our website at
    # www.npr.org", "The new ... chart ... will appear on Billboard.com this Thursday (Aug.
    # 8)." (not "Thousands visit ... Amazon.com", "Check out times at hotels.com rose ...",
    # "I go to ABCNews.com, of course" in an interview, "told msnbc.com", nor what an
    # official said will be posted; the older, narrower prompts stay as they were: "check
    # out ... .com" and "For more on ..., visit" below, and the sentence's opening "Check
    # out" in _CLUTTER_START)
    r"^(?:editors?: )?(?:for [^.!?]{1,80}?, )?(?:just |please |you can (?:always )?)?"
    r"(?:visit|head (?:over )?to|go to|log on to|check out) (?:(?:the |our |their |its )?"
    r"(?:[\w'’-]+ ){0,6}?(?:site|website|blog|pages?|services)(?: on the world wide web)?"
    r"(?: at)?:? )?(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*?\.(?:com|org|net|co\.uk|gov|edu)\b|"
    r"\bwill (?:appear|be (?:posted|available)) (?:on|at) (?:www\.)?[\w-]+\."
    r"(?:com|org|net|co\.uk|gov|edu)\b" + _NOT_SAID + "|"
    # a writer's or a host's word to the reader (besides the older "thank you for reading"
    # below, which holds inside a quotation too): "Congratulations to Patrick Stewart on his
    # newly earned PhD.", "Thank you for supporting the campaign ..." (not a quotation's, '...,"
    # she tweeted', nor speech told ("..., Trump told the veterans"), "Congratulations to
    # Obama came from ...", "Thanks in part to the rain, ...", "Thank you notes were ...")
    r"^(?:congratulations|congrats|kudos) to\b" + _NOT_QUOTED
    + r"(?![^.!?]{0,200}\b(?:came|come|poured|flowed|flooded|were|was)\b)" + _NOT_SAID
    + r"|^(?:thank you(?! (?:notes?|letters?|cards?|gifts?|messages?)\b)|thanks(?!(?:,? (?:in "
    r"(?:large |great |no small )?part|largely|mostly|partly|mainly|chiefly|primarily|only|"
    r"entirely|solely|again),?)? to\b))\b" + _NOT_QUOTED + _NOT_SAID + "|"
    # a journal's figure marks: "(Fig. 1)"
    r"(?<=\()figs?(?:ure)?s?\.? \d|"
    r"replay more videos|image copyright|getty images|ap photo/|afp photo|"
    r"the following (?:video|footage|images?|content) (?:contains|includes|may)|"
    # "WARNING: The video contains subject matter of a graphic nature ..."
    r"warning:\s+(?:the |this )?(?:video|footage|images?|content|clip) (?:contains|includes|"
    r"may|shows)|"
    r"check out\b[^.]{0,40}\.(?:com|net|org)\b|"
    r"\bin this (?:[\w.]+,? ){0,5}?(?:file |undated |handout )*"
    r"(?:photo|image|picture)\b|"
    r"\b(?:keep|start) (?:posting|commenting)\b|\bin the comments\b|"
    r"\bclick (?:below|above|the link)\b|"
    r"\b(?:poses|posing) (?:with|for|during|in front of)\b|"
    r"\bleft a message seeking\b|pdf\]|"
    r"\bembed x share\b|\bskip in skip\b|"
    r"\bvideo (?:shown |posted |embedded )?(?:here|above|below)\b|"
    r"\bwe['’]ve (?:collected|rounded up)\b|\bha(?:s|ve) compiled a (?:list|gallery) of\b|"
    # the page's own team: "... our crack video team edited together this montage ..."
    r"\bour (?:crack |own )?(?:video|photo) (?:team|editors|staff|desk)\b|"
    # a list's teaser after its scene: "From ... to her best impression, here are 20 of
    # Wiig's most memorable bits."
    r"(?<=, )here are (?:\d+|the \d+|[a-z]+) (?:of|ways|things|reasons|moments|photos|"
    r"pictures|times)\b|"
    r"\bthank you for (?:supporting|reading|visiting|watching)\b|"
    r"\btranscripts? (?:is|are) created on a rush deadline\b|\bthe authoritative record of\b|"
    r"sign up for\b.{0,60}\bnewsletter|follow\b[^.!?]{0,50}\bon (?:twitter|facebook|instagram)\b|"
    # a correction notice: "An earlier version of this post incorrectly gave ..."
    r"\ban earlier version of this\b|\bthis (?:article|story|post) (?:has been|was) "
    r"(?:updated|corrected|amended|edited)\b|\bincorrectly (?:described|stated|said|reported|"
    r"identified|referred|gave)\b|"
    # a news aggregator's list: "Sky News Haiti Quake Survivors ... - 2 hrs ago Melbourne"
    r"(?<=- )\d+ (?:hrs?|hours?|mins?|minutes?) ago\b|"
    # a comment's stamp, a related-links widget, a channel's promo, a listing's stamp
    r"(?<=\| )reply\b|news from around the web\b|\bfor the latest (?:on|news)\b|"
    r"\bupdated:? (?:mon|tue|wed|thu|fri|sat|sun) [a-z]{3} \d{1,2} \d{4} \d\d:\d\d|"
    r"\bin cnn\.com['’]s\b|\bby the cnn wire staff\b|\| by [a-z]|"
    # a review's listing: "In English and in French with English subtitles."
    r"\bwith english subtitles\.?$|"
    # a list's teaser, the list not shown: "... couples spend the most in the following
    # areas in the US."
    r"\bthe following (?:[a-z]+ ){0,2}?(?:areas|ways|items|reasons|things|list|places|"
    r"categories|steps|tips)\b[^.:]{0,40}[.:]$)",
    re.I)
# Clutter told by how the sentence starts (tried at that one place).
_CLUTTER_START = re.compile(
    r"^(?:(?:image|photo|video) caption\b|updated:|original:|photo:|update\s*:|correction\b|"
    # a video's title and running time glued before the text: "Wedding costs soar to new
    # highs (3:40) As Americans feel better ..."
    r"[^.()]{5,80} \(\d{1,2}:\d\d\) |"
    # a page's photo marker glued before its caption: "Image The White House's ..."
    r"(?:image|caption)\s+(?-i:[A-Z])|"
    # a photo credit before its caption: "Eric Gay / AP Senator Wendy Davis listens ..."
    r"(?-i:(?:[A-Z][\w.'’-]+ ){1,3}/ ?(?:AP|Reuters|AFP|EPA|Getty Images)\b)|"
    r"for more (?:on|about|news|information)\b[^.]{0,60},\s*(?:head|go|visit|click|see|read|"
    r"check)\b|here are (?:\d+|\w+) of\b|"
    # "A rendering of ... shows ...": a caption, when no verb of its own follows
    r"(?=an? )(?!.*\b(?:is|was|are|were|has|have|had|will|would|can|could|went|became|released|"
    r"published|posted|shared|appeared|circulated)\b)"
    r"an? (?:artist['’]s )?(?:rendering|illustration|impression|conception|photo|photograph|"
    r"picture|screenshot|screen grab|still|aerial view|close-up|graphic|diagram) "
    r"(?:of|shows|showing)\b[^.]*\.[\"”]?$|"
    # "A sketch released of a woman who ...", "A photo released by police shows ..."
    r"an? (?:composite )?(?:sketch|photo|photograph|picture|image|screenshot|still|mug ?shot) "
    r"(?:released|taken|provided|obtained|distributed) (?:by [^,.]{1,40} )?"
    r"(?:of|shows|showing)\b|"
    # DUC's photo captions: "(NYT32) STAMFORD, Conn. -- ..."
    r"\(nyt\d+\) |"
    # the page speaking to its reader: "Please keep ...", "Check out ...", "Read ...",
    # and announcing a list: "Following are ...", "Here is ...", "The following are ..."
    r"(?:please|check out|click|read|watch|see|follow|sign up|subscribe|listen|tune in|"
    r"share)\b|(?:following|here|below|the following) (?:are|is)\b|"
    # a teaser for what the page shows next: "Here's how the paper got that number."
    r"here['’]s (?:how|why|what|a look|the)\b|"
    # a headline's or tweet's label: "Elkhart Co. coroner: Autopsies show ...", "Police:
    # story was all a lie", "Source: Calculations by ..." (every such line in the dev data)
    r"(?-i:(?:[A-Z][\w.'’-]* ){0,3})(?:police|coroner|sheriff|officials?|prosecutors?|"
    r"authorities|report|study|court|judge|witness(?:es)?|sources?)\s*:\s+(?-i:[A-Z\"“a-z])|"
    # the writer's tagline: "Jane Roe writes for the Dayton Daily News, Dayton, Ohio."
    r"(?-i:(?:[A-Z][\w.'’-]+ ){1,3})(?:writes|reports) for (?:the )?(?-i:[A-Z])|"
    # a video's blurb: "CNN's Nic Robertson reports that ...", "The BBC's Matt Frei says
    # ...", "CNN Pentagon correspondent Christopher Lawrence shares insights ..."
    r"(?:the )?(?:cnn|bbc)(?:\.com)?(?:['’]s| \w+ correspondent) (?:[\w'’-]+ ){1,3}"
    r"(?:reports|describes|explains|shares|looks at|has more|takes a look|talks|examines|"
    r"says|has met|visits|meets)\b|"
    # a video's blurb by its reporter's full name: "Orla Guerin reports from a field
    # hospital ...", "Matthew Price describes the "grim" scenes at ...", "... looks at the
    # impact of ...", "... assesses the scene at ...", "Valerie Moliere,
    # 15, describes the scene ..." (news tells it "reported"; not reports themselves:
    # "First reports from the epicentre suggested ...", "Unconfirmed Russian reports on")
    r"(?-i:(?!(?:The|This|That|These|Those|Some|Many|Most|Other|Such|First|Early|Initial|"
    r"Latest|Unconfirmed|Various|Media|News|Press|Video|Repeated)\b)"
    r"(?!(?:[\w.'’-]+ ){0,2}(?:Co|Corp|Inc|Ltd|Watch|International|Agency|News|Press|Times|"
    r"Post|Journal|Council|Ministry|Office|Group|Bank|Reuters|AFP|Presse|Institute|"
    r"Foundation)\b)(?:[A-Z][\w.'’-]+ ){1,2}[A-Z][\w.'’-]+)(?:, \d{1,3},)? "
    rf"(?:reports (?:from|on|for)\b(?! (?-i:{_WEEKDAY})\b)(?![^.]* that\b)"
    r"|describes the (?:[\w\"“”'‘’-]+ )?scenes?\b"
    r"|(?:looks at (?:the|whether|how|why)|assesses the)\b(?![^.]*\b(?:said|says)\b))|"
    # footage's blurb: "Footage from the air shows the extent of damage ..." (not what
    # footage shows in a story: "Mobile phone footage shows both alive after ...")
    r"(?:aerial )?footage (?:from the air )?(?:shows|reveals) the (?:extent|scale|devastation|"
    r"damage|destruction)\b|"
    # "ESPN legal analyst Jane Roe details the video ...": the network's own analyst
    r"(?-i:[A-Z]{2,5}) (?:[\w-]+ ){0,2}(?:analyst|correspondent|reporter|anchor|host|"
    r"contributor) (?-i:(?:[A-Z][\w.'’-]+ ){1,3})(?:details|describes|explains|discusses|"
    r"breaks down|weighs in on|looks at|takes a look)\b)",
    re.I)
# The outlet's own caveat, printed under every report of a closed country, as a sentence
# of its own: "CNN could not immediately confirm reports for many areas in Libya.", "The
# Libyan government maintains tight control on communications and has not responded to
# repeated requests from CNN for access to the country.", "CNN has interviewed numerous
# witnesses by phone." (not a caveat on what the story tells, "CNN has been unable to
# verify the video's authenticity.", "CNN could not confirm the report.", nor a sentence
# that goes on with news: "CNN could not independently verify the reports but the
# International Organization for Migration said ...").
_OUTLET_CAVEAT = re.compile(
    r"^(?:But |However, )?(?:CNN|Reuters|The BBC|AFP|The AP|The Associated Press),?"
    r"(?: however,)? (?:could not|cannot|can ?not|was unable to|has been unable to|"
    r"has not been able to) (?:immediately |independently )*(?:confirm|verify) "
    r"(?:(?:the )?reports(?: (?:for|from|in|beyond) [^.,;]{1,40})?|(?:the )?information on "
    r"the (?:escalating )?unrest[^.;]{0,100})\.$"
    r"|^[^.;]{0,120}\brepeated requests from (?:CNN|Reuters|the BBC) for access to the "
    r"country(?: and maintains tight control (?:on|over) communications)?\.$"
    r"|^(?:But )?(?:CNN|Reuters|The BBC) has (?:interviewed|spoken (?:to|with)|talked to)"
    r"(?:, however,)? (?:numerous |several |many |dozens of )?(?:witnesses|residents|people)"
    r"(?: by (?:phone|telephone))?\.$", re.I)
# A photo caption told by where a person stands: "Lois Slocum, left, with ...", "Gadhafi,
# third from right, stands", "fleeing into Tunisia (above)", "is seen at left".
_CAPTION_PLACE = re.compile(
    r"(?<!\bthe )\b[a-z][\w.'’-]*, (?:(?:far|second|third|fourth) (?:from )?)?"
    r"(?:left|right|center|centre)(?:,| and\b)|"
    r"(?<=\()(?:left|right|center|centre|above|below|top|bottom|pictured|inset)\)|"
    r"\bis seen (?:at )?(?:left|right)\b|\b(?:is|are) pictured\b", re.I)
# A byline glued inside a sentence: "... Zlitan in rebel sights By Ivan Watson and Jomana
# Karadsheh, CNN Libyan fire fighters ...".
_BYLINE_INSIDE = re.compile(r"(?<=\s)By (?:[\w.'’-]+ ){1,3}(?:and (?:[\w.'’-]+ ){1,3})?"
                            r"[\w.'’-]+, (?:CNN|Reuters) [A-Z]")
# A journal's reference marks: "the mantle wedge11,12,13.", "Mount St Helens9,17." (one
# mark alone, "plate21.", is not told from a name such as "web3"). Apart from the patterns
# above, whose literal screens it would defeat (it holds no literal).
_REFERENCE_MARKS = re.compile(  # ("{2,}+": letters never give back to the digits; speed)
    r"\b[A-Za-z]?[a-z]{2,}+\d{1,3}(?:[,–-]\d{1,3})+(?=[.,;]?(?:\s|$))")
# A caption's present with only the day: "Senate Minority Leader Chuck Schumer and Majority
# Leader Mitch McConnell walk to the Senate floor Wednesday." (the only such sentence in
# the Multi-News, DUC 2006 and DUC 2007 dev articles; news tells it in the past).
# Who a caption shows, before its verb: "Sen. Lindsay Graham", "Schumer and McConnell".
_CAPTION_NAME = r"(?:[A-Z][\w.'’-]*|and|of|the),? "
_CAPTION_DAY = re.compile(  # (case-sensitive inside; re.I as the screen's other patterns)
    r"^(?-i:(?:" + _CAPTION_NAME + r")+" + _CAPTION_VERB + r"\b"
    r"(?![^.]*\b(?:said|says|will|would|was|were|had|has|have|is|are)\b)[^.]*\b(?:on )?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?: (?:morning|afternoon|evening|night))?\.$)", re.I)
# A caption's present before a bare date: "Libyans gather March 21 at a site near Benghazi
# where ..." (news tells it in the past, and puts "on" before the date).
_CAPTION_MONTH_DAY = re.compile(
    r"^(?-i:(?:" + _CAPTION_NAME + r")+)" + _CAPTION_VERB + r" (?-i:(?:Jan|Feb|Mar|Apr|May|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})\b", re.I)
# A caption's present with "as": "Sen. Lindsay Graham listens as Sen. Sheldon Whitehouse
# holds up a copy of ..." (news tells it in the past).
_CAPTION_AS = re.compile(
    r"^(?-i:(?:" + _CAPTION_NAME + r"){1,6})" + _CAPTION_VERB + r" as (?-i:[A-Z])",
    re.I)
# A caption's present with a day or a place at its end, its subject someone shown ("A
# rebel runs for cover during a government airstrike ..., Libya, on Monday.", "A bank
# customer holds a handful of Icelandic crowns in downtown Reykavik, Iceland.") or a group
# ("Libyan rebels move on the town of Bir al-Ghanam on Saturday."): news tells it in the
# past. Nine such captions in the Timeline17 dev articles, none in Multi-News dev or DUC
# 2006 (where "The rebels hold Benghazi, ..." is news: not after "The").
_CAPTION_ACT = (r"(?:move|join|hold|carr(?:y|ie)|ride|drive|fl(?:y|ie)|flee|play|work|look|sit|"
                r"stand|walk|wait|gather|march|protest|pray|celebrate|attend|arrive|leave|"
                r"cross|inspect|visit|talk|speak|watch|wave|pose|rest|sleep|eat|clean|search|"
                r"dig|help|load|unload|guard|patrol|shout|chant|sing|dance|queue|line|rush|"
                r"run|push|pull|lift|check|sort|hand|receive|distribute|collect|prepare|pass|"
                r"greet|hug|kneel|mourn|cry|wear|display|take|make|gesture|listen|react|cheer|"
                r"rally|clash|throw|burn|block)")
_CAPTION_PRESENT = re.compile(
    r"^(?-i:(?:A|An) (?:(?!(?:that|which|who|whose)\b)[A-Za-z][\w'’-]* ){0,4}?"
    + _CAPTION_ACT + r"(?:s|es)"
    r"|(?!The\b)[A-Z][\w'’-]* (?:[A-Z][\w'’-]* ){0,2}[a-z]{3,}s " + _CAPTION_ACT + r")\b"
    r"(?![^.]*\b(?:said|says|will|would|was|were|had|has|have|is|are|after|because)\b)"
    r"(?-i:[^.;:\"“”]*(?:\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"| ?, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*(?: ?, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)?)"
    r" ?\.$)", re.I)
# A photo's place with what it shows, and no verb of its own: "The facade of the New York
# Stock Exchange, where shares have tumbled.", "A bank and foreign currency exchange in
# Bucharest, where many consumers are struggling ...", "The building in Lima, Peru, where
# a gang flew a flag, hung a photo ... and claimed ..."); after a comma in what happens
# there, only the rest of a list: not a sentence whose main verb comes after the place
# ("The new chart, where she is No. 1, will appear on Monday.").
_CAPTION_WHERE = re.compile(r"^(?:The|A|An) ([^;:\"“”()]{3,100}?) ?, where "
                            r"(?:[^,;:\"“”]+|[^;:\"“”]+, (?!(?:was|were|is|are|has|have|had|"
                            r"will|would|can|could|may|might|should|must|did|does|do)\b)"
                            r"[^,;:\"“”]+ and [^,;:\"“”]+)\.$")
# What every text with reference marks holds, found fast (from each digit): a small letter
# before a digit. The marks' pattern, which holds no literal, is searched only there.
_LETTER_DIGIT = re.compile(r"\d(?<=[a-z]\d)")
_IN_SENTENCE = FirstMatch([("clutter", (_CLUTTER_START, _OUTLET_CAVEAT, _CLUTTER_SENTENCE,
                                        _CAPTION_PLACE,
                                        _BYLINE_INSIDE, _CAPTION_DATE, _REFERENCE_MARKS,
                                        _CAPTION_DAY, _CAPTION_AS, _CAPTION_PRESENT,
                                        _CAPTION_MONTH_DAY))],
                          guards={_REFERENCE_MARKS: _LETTER_DIGIT})


def _is_title(line: str) -> bool:
    """A headline: words, at least two of them, not page furniture or a byline."""
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    return len(words) >= 2 and not is_clutter(line) and not _STAMP_PREFIX.match(line)


def _is_headline_like(line: str) -> bool:
    """A short line without final punctuation: a headline, label or link text."""
    return not _ends(line) and len(line.split()) <= MAX_HEADLINE_WORDS


def _is_date_stamp(line: str) -> bool:
    """A short line that is a date ("Wednesday 22 January 2020", "Updated: Sept. 13"),
    not a sentence that starts with one ("Posted on Monday, the video drew ...")."""
    if len(line.split(None, 12)) > 12:  # (a paragraph is not split whole)
        return False
    stamp = _STAMP_PREFIX.match(line)
    if stamp and stamp.group(0).rstrip().endswith(":"):
        return True
    return not _ends(line) and (bool(stamp) or find_date(line) is not None)


def _drop_link_runs(kept: list[str], drop) -> list[str]:
    """Drop runs of two or more headline-like lines inside the body: link lists, labels.

    A run at the very top is left alone: it is the headline and its standfirst.
    """
    out: list[str] = []
    i = 0
    while i < len(kept):
        j = i
        while j < len(kept) and _is_headline_like(kept[j]):
            j += 1
        if j - i >= 2 and out:
            for line in kept[i:j]:
                drop(line, "related links")
        else:
            out.extend(kept[i:j])
        if j < len(kept):
            out.append(kept[j])
        i = j + 1
    return out


# A blog's reading list, each link a line whose subject is its authors or their group and
# whose verb tells what the linked work does: "Jane Roe of the Center for Budget Policy
# argues that ...", "John Doe and Ann Poe compare the gold standard and the euro.", "The
# Defense Task Force proposes cuts to ...". READING_LIST_ITEMS such lines in a row or
# more, each subject a name (two capitalized words: not "She notes ...", "Analysts note
# ..."): on the dev pages, one blog's list of five links on 4 pages that no other page of
# their day shares it with (`_cut_shared_openings` takes it first where one does).
READING_LIST_ITEMS = 3
_READING_ITEM = re.compile(
    r"(?:(?:[A-Z][\w.'’-]*|of|the|and|for|on|at),? ){1,14}?(?P<verb>argues|argue|notes|note|"
    r"proposes|propose|compares|compare|reviews?|revews?|examines?|explains?|offers?|"
    r"suggests?|explores?|considers?|looks at|look at|makes the case|make the case)\b[^\n]*$")


def _reading_item(line: str) -> bool:
    """`line` links a reading (above): its subject holds two capitalized words."""
    match = _READING_ITEM.match(line)
    return (match is not None
            and len(line.split(None, MAX_CLUTTER_WORDS)) <= MAX_CLUTTER_WORDS  # (not split whole)
            and sum(w[:1].isupper() and w.strip(",") not in ("The", "A", "An")
                    for w in line[:match.start("verb")].split()) >= 2)


def _cut_reading_lists(articles: list[Article], removed: list[Removal]) -> list[Article]:
    """`articles` without runs of READING_LIST_ITEMS or more paragraphs that each link a
    reading (listed in `removed`)."""
    out = []
    for article in articles:
        paragraphs_ = article.text.split("\n\n")
        if sum(map(_reading_item, paragraphs_)) < READING_LIST_ITEMS:
            out.append(article)
            continue
        kept: list[str] = []
        for item, run in groupby(paragraphs_, key=_reading_item):
            run = list(run)
            if item and len(run) >= READING_LIST_ITEMS:
                removed.extend(Removal(article.id, "related links", p) for p in run)
            else:
                kept.extend(run)
        out.append(replace(article, text="\n\n".join(kept)))
    return out


# A related-links widget run into a sentence where a name was linked: the name in full,
# its last word glued to the first link, the links' titles and a "MORE" button: "Donald
# Trump Donald John TrumpTrump Jr. to speak at ... a winning tax plan MORE panned the
# chairwoman ...". The surname is written just before (the sentence's own mention).
_LINK_WIDGET = re.compile(r"\b(?P<name>[A-Z][a-z]{2,}) (?P<widget>(?:[A-Z(][\w.'’()-]* ){1,4}?"
                          r"(?P=name)(?P=name)\b.{0,300}? MORE )(?=[a-z(])")


def _cut_link_widgets(line: str, drop) -> str:
    """`line` without the link widgets run into it (`_LINK_WIDGET`)."""
    for match in reversed(list(_LINK_WIDGET.finditer(line))):
        drop(match["widget"].strip(), "page furniture")
        line = line[:match.start("widget")] + line[match.end("widget"):]
    return line


# A company's stock ticker in a wire's text: "Michael Kors (KORS.N) agreed to buy luxury
# shoemaker Jimmy Choo CHOO.L for $1.2 billion", "Keurig Green Mountain (NASDAQ:GMCR)".
_EXCHANGE = r"\.(?:N|O|L|PA|DE|T|HK|AS|MI|TO|AX|SS|SZ|KS|F|MC|SW|ST|CO|OL|VI|BO|NS|SA|MX)"
_TICKERS = re.compile(
    r" (?:\((?:[A-Z0-9]{1,6}" + _EXCHANGE + r"|(?:NYSE|NASDAQ|Nasdaq|NYSEARCA|AMEX|LSE|TSX|OTC)"
    r" ?: ?[A-Z.]{1,6})(?:, ?[A-Z0-9]{1,6}" + _EXCHANGE + r")*\)"
    # bare, after a name, with a Reuters exchange code
    r"|(?<=[a-z&] )[A-Z]{2,6}" + _EXCHANGE + r"(?=[ ,;]))")
# (both kinds start with their space, written once before them: sre then skips from space
# to space, where a look-behind first would have it try the pattern at every character)


def _cut_tickers(line: str, drop) -> str:
    """`line` without the stock tickers in it (`_TICKERS`), each listed as dropped."""
    def cut(match: re.Match) -> str:
        drop(match.group().strip(), "stock ticker")
        return ""
    return _TICKERS.sub(cut, line)


def _cut_dateline_here(line: str, drop) -> str:
    """`line` without the dateline's "here" before a time (`_HERE_THEN_TIME`), outside
    quotation marks."""
    kept, at = [], 0
    for match in _HERE_THEN_TIME.finditer(line):
        before = line[:match.start()]
        if before.count('"') % 2 or before.count("“") > before.count("”"):
            continue
        drop("here", "dateline's place")
        kept.append(line[at:match.start()])
        at = match.end()
    return "".join(kept) + line[at:]


# A market report's section header before its first item: "GASOLINE \* No barges of
# benchmark Eurobob traded ...", "NAPHTHA \* There were no trades ...".
_SECTION_HEADER = re.compile(r"^[A-Z]{3,}(?: [A-Z]{2,}){0,2} \\?\*\s+(?=[A-Z\"“'‘])")
# A subhead in capitals glued before its paragraph's first sentence: "CLASHES REPORTED IN
# WESTERN MOUNTAINS Now in its fourth month, the Libyan conflict ...", "HOW SWINE FLU
# OUTBREAK EMERGED Flu viruses mutate ...", "LIVE BLOG On Monday, ...", "SYMPTOMS - WHAT
# TO DO Swine flu symptoms are ..."; two of its words
# of four letters or more, so that an acronym stays ("US FDA Commissioner Scott Gottlieb
# ..."), and not before a title, which names who the capitals are ("NATO ISAF Commander
# John Allen said ...", "NEW YORK CITY Mayor ...")
_CAPS_HEADER = re.compile(r"^(?=(?:[A-Z'’&-]+ )*?[A-Z'’&-]{4,} (?:[A-Z'’&-]+ )*?[A-Z'’&-]{4,} )"
                          r"(?:(?:[A-Z](?:[A-Z'’&-]*[A-Z])?|[-–—]) ){2,12}(?=[A-Z][a-z])"
                          r"(?!(?:Commander|Mayor|Chief|President|Minister|Secretary|Governor|"
                          r"Senator|Sen|Rep|Gen|General|Chairman|Director|Spokes(?:wo)?man|"
                          r"Prime|Foreign|Deputy|Vice|Executive|Officer|Ambassador|Judge|"
                          r"Justice|Police|Prosecutor|Attorney)\b)")
# A newswire's story code left before a paragraph: "(ID: nN07381540) Though Mexican
# officials said ...", "(ID: nHKG362728)) Global fears ...".
_WIRE_CODE = re.compile(r"^(?:\(ID: ?n[A-Z0-9]{2,16}\)+\s*)+(?=[A-Z\"“'‘])")
# A column's disclaimer glued before its first sentence: "The opinions expressed are his
# own -- Stock research analysts get no respect these days." (a line of its own goes
# whole, data/boilerplate.toml)
_DISCLAIMER = re.compile(r"^(?:The )?(?:opinions|views) expressed are (?:his|her|their) own"
                         r"\.?\s*[-—–]+\s*(?=[A-Z\"“])")
# The prefixes `_strip_prefixes` cuts, in order: (pattern, reason, most words, cut from any
# paragraph or only from one of the first, a text the paragraph must hold for a match)
_PREFIXES = ((_PHOTOGRAPH_CREDIT, "photo credit", 14, True, "Photograph:"),
             (_WIRE_CODE, "newswire code", 4, True, "(ID:"),
             (_DISCLAIMER, "author's disclaimer", 8, True, "expressed are"),
             (_SECTION_HEADER, "section header", 4, True, "*"),
             (_CAPS_HEADER, "section header", 12, True, None),
             (_WIDGET_PREFIX, "page furniture", 8, True, None),
             (_CREDIT_PREFIX, "photo credit", 14, True, None),
             (_SIGNATURE, "reader comment", 8, True, ", "),
             (_PROFILE_BOX, "page furniture", 80, True, "Alma Mater"),
             (_PROFILE_ROLE, "page furniture", 30, True, ")"),
             (_VIDEO_CREDIT, "photo credit", 14, False, "courtesy of"),
             (_STAMP_PREFIX_GLUED, "date stamp", 20, True, None),
             (_BYLINE_HEADER, "byline", MAX_HEADER_WORDS, False, None),
             (_AGENCY_BYLINE, "byline", MAX_HEADER_WORDS, False, None),
             (_BRACKETED_CAPTION, "photo caption or credit", 60, False, "["),
             (_DATELINE, "dateline", 8, False, None))


_TIMELINE_BOX = re.compile(r"^(?:Here['’]s|Here is|Below is) a (?:brief |short )?(?:timeline|"
                           r"chronology)\b[^:.]{0,80}:")
# A timeline's entry that keeps its date: "Feb. 15, 2011 - Riots ...", "Aug 21 - ...".
_DATED_ENTRY = re.compile(rf"{_MONTH_DAY}\b|\d{{1,2}} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
                          r"Nov|Dec)[a-z]*\b|(?:19|20)\d\d\b")
# A chronology's item, "Feb. 24 - Militias take control of ...", on a page of
# CHRONOLOGY_ITEMS such paragraphs or more, is no wire's dateline (as a video page's one
# "Mar 1 - Secretary of State ..." is): its date stays, for the timeline and for a brief
# that tells the items (readers preferred a Reuters chronology's items dated, 2 of 2).
CHRONOLOGY_ITEMS = 3
_CHRONOLOGY_DATE = re.compile(rf"{_MONTH_DAY}(?:/\d{{1,2}})?,?(?: \d{{4}})?\s*[-—–]\s*")
_LIVE_TIME = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d (?=[A-Z\"“])")
LIVE_ENTRIES = 3


# A later story's dateline in capitals with no agency, further down a page that holds two
# or more: "WASHINGTON -- Treasury Secretary ..." (a topic page's teasers, a wire's
# round-up); not "NATO -- the North Atlantic Treaty Organization -- has ...", "AIDS --
# Acquired Immune Deficiency Syndrome -- kills ...", "FBI Director Jane Roe -- ...", nor
# an editor's note's or an interview's label.
_LATER_DATELINE = re.compile(r"^(?!(?:EDITOR|UPDATE|CORRECTION|NOTE|QUESTION|ANSWER|Q|A)\b)"
                             r"[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,2}"
                             r"(?:, [A-Z][a-z.]+(?: [A-Z][a-z.]+)?)? -- (?=[A-Z\"“])"
                             r"(?![^\n]{0,80} -- )")


def _strip_prefixes(line: str, drop, *, lead: bool, later_datelines: bool = False,
                    chronology: bool = False) -> str:
    """Cut a widget's leftover word ("CLOSE", "Updated |"), a photo credit or a time
    stamp from the start of a paragraph; an agency dateline ("BEIRUT (Reuters) — "), with
    a byline before it, a photo's caption with its agency in brackets, or a header up to a
    time stamp, from one of the first paragraphs; and a later story's dateline from any
    other."""
    for pattern, reason, most, anywhere, needle in _PREFIXES:
        match = (pattern.match(line) if (lead or anywhere) and (needle is None or needle in line)
                 else None)
        if (match and len(match.group(0).split()) <= most
                and not (chronology and pattern is _DATELINE
                         and _CHRONOLOGY_DATE.fullmatch(match.group(0)))):
            drop(match.group(0).strip(), reason)
            line = line[match.end():]
    if not lead and "(" in line[:80] and (dateline := _INNER_DATELINE.match(line)):
        drop(dateline.group(0).strip(), "dateline")  # (a later story on the page starts here)
        line = line[dateline.end():]
    elif (not lead and later_datelines and "-- " in line[:60]
          and (dateline := _LATER_DATELINE.match(line))):
        drop(dateline.group(0).strip(), "dateline")
        line = line[dateline.end():]
    inner = _INNER_DATELINE.search(line, 0, INNER_DATELINE_CHARS) if lead and "(" in line else None
    if inner:  # at the start: a dateline of a place in small letters ("Abu Dhabi (CNN) --")
        drop(line[:inner.end()].strip(), "page header" if inner.start() else "dateline")
        line = line[inner.end():]
    elif lead and (inner := _headline_dateline(line)):
        drop(line[:inner.end()].strip(), "page header")
        line = line[inner.end():]
    stamp = _INNER_STAMP.search(line, 0, INNER_DATELINE_CHARS) if lead and "day" in line else None
    if stamp:
        drop(line[:stamp.end()].strip(), "page header")
        line = line[stamp.end():]
    return line

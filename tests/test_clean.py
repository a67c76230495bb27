import pytest
from conftest import article

from storyline.brief.clean import clean, clean_all, credited, find_date
from storyline.brief.segment import split_all

BODY = "The council approved the new budget on Tuesday after a long debate."


def cleaned(text: str):
    a, removed = clean(article(text))
    return a, {r.text: r.reason for r in removed}


@pytest.mark.parametrize("line, reason", [
    ("Image copyright", "photo caption or credit"),
    ("Getty Images", "photo caption or credit"),
    ("Protesters gather outside the court in Paris. AFP Photo", "photo caption or credit"),
    ("Crowds at the port on February 9Image copyright", "photo caption or credit"),
    ("Minister Florence Parly (2nd L) talks to soldiers near Al-Qaim. / AFP / Jane DOE",
     "photo caption or credit"),
    ("Media playback is unsupported on your device", "media player text"),
    ("Media caption‘My son was a fighter’", "media player text"),
    # a broadcaster's video introduced by its reporter
    ("The BBC's Jane Roe reports from Glasgow.", "media player text"),
    ("CNN's John Doe reports on loud explosions heard in the capital overnight.",
     "media player text"),
    ("CNN's John Doe explains what is happening in the capital, and why it matters.",
     "media player text"),
    (("The BBC's Health Correspondent Jane Roe, who reported from both towns, looks at the "
      "differences in the response."), "media player text"),
    ("The BBC talks to people in Lima about the flood.", "media player text"),
    (("Jane Roe presents an appeal on behalf of the Disasters Emergency Committee for the "
      "flood victims."), "media player text"),
    ("Ore finds out the science behind what happened.", "media player text"),
    # a topic page's widget of other sites' stories; a section's promotion
    (("News From Around The Web WASHINGTON -- Jane Roe will leave the agency in March, an "
      "official said Wednesday."), "related links"),
    ("Multimedia reports on the fight for clean water across the region.", "page furniture"),
    ('This is part of a series on The Desk called "Making Water Policy Work."', "page furniture"),
    ("This guest post is from economist Jane Roe.", "page furniture"),
    ("A previous version of this edited transcript omitted part of the minister's answer.",
     "page furniture"),
    ("Visit BBC Webwise for full instructions.", "media player text"),
    ("Jane Roe pictured at a meeting on May 15 in Cairo, during which she was elected.",
     "photo caption or credit"),
    (("For all the latest developments in the region, tune in to \"Newsnight,\" weeknights at "
      "10 ET."), "page furniture"),
    ("CNN Press Room is the official website for the network's public relations team.",
     "page furniture"),
    (("Providing the latest announcements and information about the network's programs and "
      "platforms, CNN Press Room provides direct access to press releases, fact sheets, video "
      "and images, as well as transcripts, anchor and reporter biographies and more, every day "
      "of the week, for the journalists who cover the network and its news around the world."),
     "page furniture"),
    ("This story is disturbing and graphic.", "page furniture"),
    (("In order to see this content you need to have both Javascript enabled and Flash "
      "installed."), "media player text"),
    ("A young man in Misrata, Libya, in April looks at a tank destroyed by the bombing.",
     "photo caption or credit"),
    ("Leave a Reply", "comment prompt"),
    ("You must be logged in to post a comment.", "comment prompt"),
    ("Please let us know if you're having issues with commenting.", "comment prompt"),
    ("COMMENTS", "comment prompt"),
    ("Your email address will not be published.", "comment prompt"),
    ("We welcome comments that advance the story through relevant opinion, anecdotes, links "
     "and data.", "comment prompt"),
    ("(Additional reporting by Jane Roe in Cairo; Writing by John Doe; Editing by Ann Poe)",
     "byline"),
    ("($1 = 5.6 Egyptian pounds) An ultra-low latency infrastructure for electronic trading "
     "and data distribution A connected approach to governance, risk and compliance",
     "advertisement"),
    ("Share this article", "share or subscribe line"),
    ("Facebook Twitter Email", "share or subscribe line"),
    ("Sign up for our daily newsletter", "share or subscribe line"),
    ("Beta V.1.0 - Powered by automated translation", "translation banner"),
    ("Updated: September 13, 2018 02:35 PM", "date stamp"),
    ("Abu Dhabi, UAEWednesday 22 January 2020", "date stamp"),
    ("Source: BBC", "source line"),
    ("RIP crew of the ship, about 1,023 lost. pic.twitter.com/BcJgkhWskb \u2014 Paul Allen "
     "(@PaulGAllen) March 2, 2015", "embedded tweet"),
    ("One of Queen\u2019s finest. He will be greatly missed. \u2014 Russell Simmons (@UncleRUSH) "
     "June 20, 2017", "embedded tweet"),
    ("Advertisement", "page furniture"),
    ("A Ku Klux Klansman, left, uses an American flag to fend off protesters on Saturday.",
     "photo caption or credit"),
    ("In this image released by Turner Classic Movies, Clark Gable appears in character.",
     "photo caption or credit"),
    ("A photo from the 1998 excavation, with the foot bones below a tail.",
     "photo caption or credit"),
    ("In this May 24, 2016, file photo, Rep. John Conyers speaks on Capitol Hill.",
     "photo caption or credit"),
    ("File photo of Patsy Ramsey and her husband at a press conference in Atlanta.",
     "photo caption or credit"),
    ("Join us on Facebook Like us and you'll find top breaking news in your newsfeed.",
     "share or subscribe line"),
    ("This story has been corrected to show Gomes lived in Raynham, not Rayham.",
     "page furniture"),
    ("The article was written Oct. 12.", "page furniture"),
    (("Note: The photograph on this page was updated in 2011 A church in the capital after the "
      "storm Officials said 250 people worked in the building."), "page furniture"),
    ("Sorry, this media is not available in your territory.", "media player text"),
    ("This article was originally published with the title A Quiet Harbor.", "page furniture"),
    ("This article was published on example.co.uk at 10.00 BST on Friday 1 May 2009.",
     "page furniture"),
    ("Analysis by BBC Arab Affairs editor Sebastian Usher", "byline"),
    ("Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
     "Archive.", "web archive notice"),
    ("Crawl of outlinks from example.org started June, 2019. These files are not public. "
     "For the first time, did all the different sites.", "web archive notice"),
    ("This is a set of web collections gathered by a librarian using the Archive-IT service of "
     "the Internet Archive.", "web archive notice"),
    ("The WARC files associated with this crawl are not open to the public.", "web archive notice"),
    ("This collection contains several news crawls performed by volunteers.", "web archive notice"),
    ("Comments are not pre-screened before they post.", "comment prompt"),
    ("YES | NO By chejian | Posted March 19, 2011 What do you think of this story?",
     "comment prompt"),
    ("A statue dedicated to oil workers is seen in Cabimas, near Lake Maracaibo March 1, 2008.",
     "photo caption or credit"),
    # a caption, its credit after a bar, then the page's headline (Multi-News dev: the
    # caption opened its article and was taken for the lead)
    ("Most of the outstanding ballots are coming from the largest county, which includes her "
     "district. | Christian Petersen/Getty Images Elections Sinema takes slim lead in Senate race",
     "photo caption or credit"),
    ("\u201cWe need people who will help,\u201d the president wrote on Twitter. | Saul Loeb/AFP/Getty "
     "Images Trump: 'We cannot allow all of these people to invade our country'",
     "photo caption or credit"),
])
def test_clutter_lines_are_dropped_with_their_reason(line, reason):
    a, removed = cleaned(f"Headline here\n\n{BODY}\n\n{line}\n\nThe mayor said the plan would "
                         "cut waiting times by half.")
    assert line not in a.text
    assert removed[line] == reason


@pytest.mark.parametrize("sentence", [
    "An unnamed commander told AFP news agency that at least 15 militants were killed.",
    "The photo was taken by a reporter for Getty Images in 2019, the agency said.",
    "Officials said comments on the plan would be collected until Friday.",
    "Source: a senior official told reporters the talks had stalled over the weekend.",
    "By the end of the year, the company expects to hire 2,000 new workers in the region.",
    "Readers shared the story more than 10,000 times, the newspaper said on Monday.",
    "Updated figures published on September 13, 2018 showed the toll had risen to 40.",
    "By then the rebels had fled.",
    "By Tuesday evening the water had receded.",
    "Officials said the referendum would be held on May 5, 2024.”",
    "Gov. Greg Abbott (R) signed the bill into law on Tuesday afternoon.",
    "This still leaves about 2,000 fighters inside the enclave, officials said.",
    "A photo of the suspect was released by police on Monday night.",
    "Millions rushed to download the government's contact-tracing app.",
    "Archived copies on the Wayback Machine show the page was edited twice.",
    "Video Assistant Referee technology was used to review the goal.",
    "Published reports on Monday said the deal was close.",
    "Posted on Monday, the video drew two million views.",
    "Published March 3, the report found 40 deaths in the camp.",
    "This video has been viewed more than 2 million times, police said.",
    "A photo taken by a resident shows smoke rising over the port.",
    "Lawmakers on the left, right, and center condemned the attack on Monday.",
    "Sometime in late 2011, according to the UN Population Division, there will be seven "
    "billion of us, more than ever before, and the number keeps rising every year in most "
    "of the poorest countries of the world, where families are largest and incomes lowest, "
    "demographers say. (Pictures: Population 7 Billion.)",
    "This image of a drowned boy on a Turkish beach became a symbol of the refugee crisis "
    "in 2015, and it changed how many governments in Europe spoke about the people who "
    "crossed the sea in small boats, according to researchers who studied the coverage "
    "and the debates in parliaments that followed it in the months after.",
    "Protesters gather outside parliament every day, as they have since March 1, 2011.",
    "Allen posted the pictures on Twitter (@PaulGAllen) on Monday, March 2, 2015.",
    # a reporter's finding, not a video's introduction; a finding that is the news
    "The inquiry finds out that the warnings were ignored, the report says.",
    "CNN's John Doe reports that fighting is getting closer to the capital.",
    "The BBC's Jane Roe reports from Beirut that the aid convoy turned back at the border.",
    'CNN\'s John Doe reports from the port: "Thousands of people fled the city overnight."',
    # a caption's time and verb in a report; a report's earlier version
    "The court's ruling on Monday holds that states may not ban the practice, lawyers said.",
    "Unemployment in March stands at 9.1 percent, the highest in two years.",
    "A report published in May looks at the long-term effects of the spill on the coast.",
    "An earlier version of this climate report said the glaciers would vanish by 2035.",
    "Under Prime Minister Jane Roe (1997-2007) Britain joined the war in Iraq.",
    "Officials said Jane Roe pictured with the suspect in 2007 was not involved.",
    "Millions of viewers tune in to his show weeknights, making it the most-watched program.",
    "This video contains graphic evidence of abuse at the prison, prosecutors told the jury.",
    "An earlier version of this report wrongly blamed the pilots, investigators said.",
    "The article was written by a team of scientists who studied the virus for a decade.",
    "The report was published on Monday.",
    "The report was published on schedule.",
    "The article was written on March 3, two days before the shooting.",
    "The column was first published under the headline Why We Fight, and drew 400 complaints.",
    "The article was published on example.com in 2009 and later retracted.",
    "This is part of a series of attacks on aid convoys, the agency said.",
    "This guest post is from a hacked account, the blog's owner said on Monday.",
    "This discussion is closed, the chairwoman told the crowd, and the vote began.",
])
def test_news_sentences_are_kept(sentence):
    a, removed = cleaned(f"Headline here\n\n{BODY}\n\n{sentence}")
    assert sentence in a.text
    assert sentence not in removed


def test_read_more_drops_the_headline_list_after_it():
    text = (f"Title\n\n{BODY}\n\nRead more:\n\nBombings drive 30,000 from homes\n\n"
            "Fighters face last stand\n\nThe mayor said the plan would cut costs.")
    a, removed = cleaned(text)
    assert "Bombings" not in a.text and "last stand" not in a.text
    assert a.text.endswith("The mayor said the plan would cut costs.")
    assert removed["Fighters face last stand"] == "related links"


def test_image_caption_label_drops_the_caption_after_it():
    a, removed = cleaned(f"Title\n\n{BODY}\n\nImage caption\n\nThousands have fled the village"
                         "\n\nThe mayor said the plan would cut costs.")
    assert "Thousands have fled" not in a.text
    assert removed["Thousands have fled the village"] == "photo caption or credit"


def test_caption_above_a_credit_line_goes_with_it():
    a, _ = cleaned(f"Title\n\n{BODY}\n\nMorocco repatriates eight alleged jihadists\nAFP\n\n"
                   "The mayor said the plan would cut costs.")
    assert "Morocco" not in a.text


def test_run_of_link_lines_inside_the_body_is_dropped():
    a, removed = cleaned(f"Title\n\n{BODY}\n\nSyria Civil War\n\nBombings drive 30,000 from "
                         "homes\n\nThe mayor said the plan would cut costs.")
    assert "Syria Civil War" not in a.text and removed["Syria Civil War"] == "related links"


def test_exact_repeated_paragraph_is_dropped_once():
    a, removed = cleaned(f"Title\n\n{BODY}\n\nThe mayor spoke.\n\n{BODY}")
    assert a.text.count(BODY) == 1
    assert removed[BODY] == "repeated paragraph"


def test_headline_becomes_title_and_standfirst_stays():
    a, _ = cleaned(f"Storm hits coast\n\nAn offensive began on Monday\n\n{BODY}")
    assert a.title == "Storm hits coast"
    assert a.text.startswith("An offensive began on Monday")


def test_widget_prefix_is_stripped():
    a, removed = cleaned("Title\n\nCLOSE The Dow plunged more than 1,100 points on Monday.")
    assert a.text == "The Dow plunged more than 1,100 points on Monday."
    assert removed["CLOSE"] == "page furniture"
    a, removed = cleaned("Title\n\nSkip in Skip x Embed x Share The discovery of two bodies "
                         "shocked the town on Monday.")
    assert a.text.startswith("The discovery of two bodies")
    assert removed["Skip in Skip x Embed x Share"] == "page furniture"


def test_agency_dateline_prefix_is_stripped():
    a, removed = cleaned("Title\n\nBEIRUT (Reuters) — Syrian forces advanced on Sunday, "
                         "officials said.")
    assert a.text == "Syrian forces advanced on Sunday, officials said."
    assert removed["BEIRUT (Reuters) —"] == "dateline"
    # a wire's name in small letters, as one archive prints Xinhua's
    a, removed = cleaned("Title\n\nBONN, February 5 (xinhua) -- The parliament Thursday "
                         "rejected the bill.")
    assert a.text == "The parliament Thursday rejected the bill."


@pytest.mark.parametrize("text, rest, reason", [
    ("(Updated at 11:20 a.m. ET, 6:20 p.m. local time) Before reports of the killings emerged, "
     "state TV said so.", "Before reports", "date stamp"),
    ("By Hamid Ould Ahmed and Mariam Karouny ALGIERS/TUNIS | Wed Mar 16, 2011 4:21 pm EDT "
     "ALGIERS/TUNIS (Reuters) - Libyan forces used tanks on Wednesday.", "Libyan forces", "dateline"),
    ("By Bryony Jones for CNN Protesters have taken control of several key cities across Libya.",
     "Protesters have", "byline"),
    ("There is a long history of unrest in the region Especially in the restive eastern "
     "provinces (CNN) -- The town of Derna is not much to look at.", "The town of", "page header"),
    ("Just an hour or two a week confers benefits, researcher contends. (HealthDay)—A little "
     "jogging is good for your health, researchers say.", "A little jogging", "page header"),
    ("(By Kamran Jebreili -- Associated Press) SHANGHAI: At 101 stories, the tower is "
     "China's tallest building.", "SHANGHAI: At 101", "photo credit"),
    ("Jane Roe, Business Insider The company is buying a startup that makes headsets.",
     "The company is", "photo credit"),
    ("DEVONJAMESXXX.COM 'I want you to be mine' was one text message the actress says she got.",
     "'I want you", "photo credit"),
    # a reader's signature under a comment
    ("Jane Roe Diaz, Mexico City The WHO is advising all members to watch for fever.",
     "The WHO is", "reader comment"),
    # the agency first, the photographer's full name after it
    ("Photograph: Reuters/Maria Lopez Lima reopened its schools on Monday after the flood.",
     "Lima reopened", "photo credit"),
    # a web page's stamp after its place or writer, and the wire's dateline after it
    (("ROME, Italy | Fri Jul 22, 2011 6:37 pm EDT ROME, Italy (Reuters) Officials are ready "
      "to hold more talks, a spokesman said."), "Officials are ready", "date stamp"),
    (("ROME | Mon Aug 22, 2011 3:20 pm EDT ROME (Reuters)\" - The fall of the leader is likely "
      "to pave the way for more protests."), "The fall of", "dateline"),
    (("ROME | Sun Sep 11, 2011 6:45 pm EDT ROME (Reuters) - - The new rulers said on Sunday "
      "that talks would go on."), "The new rulers", "dateline"),
    ("Jane Roe | 07:37 UK time, Friday, 29 May 2009 The city is taking the threat seriously.",
     "The city is", "date stamp"),
    (("Tuesday, March 3, 2009; 4:57 PM The president suggested today that now is a good time "
      "to buy stocks."), "The president", "date stamp"),
    (("Friday, December 19, 2008; 10:02 AM -- Text of the president's remarks on the loans: "
      "For years, carmakers have faced serious challenges."), "Text of the", "date stamp"),
    (("Thursday, October 23, 2008; Page A01 Employers are moving to cut jobs and reduce "
      "costs."), "Employers are", "date stamp"),
    # a photo's credit in brackets: the photographer and the outlet, or a name
    (("(Jane Roe - Bloomberg News) The administration named a pay czar yesterday to set "
      "bonuses."), "The administration", "photo credit"),
    ("(Youtube) For the singer's next release, the rocker has made a concept album.",
     "For the singer's", "photo credit"),
    # a topic page's profile box before the profile's first sentence
    (("Career History: Senator (1981-2011); Attorney Alma Mater: Providence College, B.A., "
      "1966 Roe was born in Ohio in 1944."), "Roe was born", "page furniture"),
    (("Former Chair of the Advisory Board (January 2009-January 2011) Roe brought credibility "
      "to the campaign."), "Roe brought", "page furniture"),
    ("Page last updated at 11:50 GMT, Friday, 29 January 2010 Wyclef Jean has been talking "
     "to reporters about Haiti.", "Wyclef Jean", "date stamp"),
    ("Wednesday 17 June 2009 15.39 BST Government officials today warned farmers to stay "
     "away from pigs.", "Government officials", "date stamp"),
    ("Mexican swine flu deaths spark worldwide action WHO says the virus has killed 81 "
     "people Sunday 26 April 2009 18.45 BST People wear masks in Mexico City on Sunday.",
     "People wear masks", "page header"),
])
def test_a_credit_or_time_stamp_glued_before_a_paragraph_goes(text, rest, reason):
    a, removed = cleaned("Title\n\n" + text)
    assert a.text.startswith(rest)
    assert reason in removed.values()


def test_a_date_in_prose_is_no_time_stamp():
    text = "The vote was held on Sunday 26 April 2009 at 18.45 in the capital, officials said."
    a, _ = cleaned("Title\n\n" + text)
    assert a.text == text


def test_a_byline_before_an_agency_dateline_goes_with_it():
    a, removed = cleaned("Title\n\nBy Maggie Fox, Health and Science Editor WASHINGTON | Mon "
                         "Mar 2, 2009 4:23 pm EST WASHINGTON (Reuters) - Virtually all cases "
                         "of the flu resist the drug, officials said.")
    assert a.text.startswith("Virtually all cases")
    assert {"byline", "dateline"} <= set(removed.values())
    a, _ = cleaned("Title\n\nTRIPOLI | Thu Apr 7, 2011 6:35 pm EDT TRIPOLI (Reuters) - Rebels "
                   "held the town on Thursday, officials said.")
    assert a.text.startswith("Rebels held")
    for line, rest in (
            ("By Elise Labott, CNN Senior State Department Producer The U.S. State "
             "Department said Ali Aujali can head the mission.", "The U.S. State"),
            ("By Chris Lawrence and Pam Benson, CNN Rebels gathered near Benghazi on "
             "Monday, officials said.", "Rebels gathered"),
            ("India confirms first case of H1N1 flu NEW DELHI | Sat May 16, 2009 3:13 pm "
             "IST NEW DELHI (Reuters) - The health ministry confirmed a case.", "The health"),
            ("By the CNN Wire Staff Libya opposition: Civilian areas shelled Tripoli, Libya "
             "(CNN) -- A fighter jet was shot down on Saturday.", "A fighter jet"),
            ("(Recasts; adds quotes) MEXICO CITY May 19 (Reuters) - The economy will "
             "recover, the minister said.", "The economy"),
            ("March 31, 2011 | By Jane Roe, Special to CNN Almost two weeks of bombing have "
             "not broken the leader's will.", "Almost two weeks")):
        a, _ = cleaned(f"Title\n\n{line}")
        assert a.text.startswith(rest), a.text
    kept, _ = cleaned("Title\n\nBy the end of the week, the Senate (Republicans) - and the "
                      "House - had voted.")
    assert kept.text.startswith("By the end of the week")


@pytest.mark.parametrize("line, rest", [
    ("FORT WAYNE, Ind. (WANE) The mother said she acted alone.", "The mother said"),
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", "The Senate voted"),
    ("(CNN) — A Detroit man pleaded not guilty Friday.", "A Detroit man"),
    ("(CNN) A Detroit man pleaded not guilty Friday.", "A Detroit man"),
    ("(NASA) scientists said the probe was lost.", "(NASA) scientists"),
    ("WASHINGTON The Senate passed a budget plan on Friday.", "The Senate passed"),
    ("NATO Secretary General Jens Stoltenberg spoke.", "NATO Secretary"),
    ("SINGAPORE/BEIJING Former basketball star Dennis Rodman arrived.", "Former basketball"),
    ("(HealthDay News) -- Babies preserve memories during naps.", "Babies preserve"),
    ("FT LAUDERDALE (CBSMiami) – A man is in custody.", "A man is"),
    ("OSAN AIR BASE, South Korea (AFNS) -- Forces held an exercise.", "Forces held"),
    ("HIROSHIMA--A stray dog joined the rescue efforts.", "A stray dog"),
    ("WASHINGTON—The chairman promised a review of spying programs.", "The chairman"),
    ("Flint — Sixteen months after the outbreak, the water is untested.", "Sixteen months"),
    ("US-China trade talks resumed on Monday in Beijing.", "US-China"),
    ("KATHMANDU, Nepal — Climbers found the bodies on Sunday.", "Climbers found"),
    ("NATO (North Atlantic Treaty Organization) said it would act.", "NATO (North"),
    ("FBI Director James Comey testified on Thursday.", "FBI Director"),
    ("US President Donald Trump spoke on Monday.", "US President"),
    ("U.S. – China trade talks resumed on Monday in Beijing.", "U.S. – China"),
    ("ST. LOUIS (AP) — Police said the man was arrested.", "Police said"),
    ("EL PASO, Texas (AP) — The shooting began at 10 a.m.", "The shooting began"),
    ("Washington (CNN) Vermont Sen. Bernie Sanders lauded the speech.", "Vermont Sen."),
    ("Sanders told AP reporters that he lauded the speech.", "Sanders told AP"),
    ("Mar 1 - Secretary of State Hillary Clinton warned of civil war.", "Secretary of State"),
    ("Abu Dhabi (CNN) -- Night after night, jets have hammered Tripoli.", "Night after"),
    ("May 5 - 7 is the week of the festival, organizers said.", "May 5 - 7"),
])
def test_datelines(line, rest):
    a, _ = cleaned(f"Title\n\n{line}")
    assert a.text.startswith(rest)


def test_a_wire_dateline_after_short_lines_of_page_furniture_is_cut():
    text = ("Title\n\nRebels and Gaddafi envoys met in Tunisia\n\nBy Tarek Amara\n\n"
            "A photo of the hotel lobby.\n\nDJERBA, Tunisia (Reuters) -- Libyan rebels and "
            "envoys held talks late on Sunday, a source said.")
    a, removed = cleaned(text)
    assert "Libyan rebels and envoys held talks late on Sunday, a source said." in a.text
    assert "DJERBA" not in a.text


def test_a_photos_caption_and_agency_in_brackets_glued_before_a_lead_go():
    a, removed = cleaned("Title\n\nThere have been widespread reports that soldiers have used live "
                         "ammunition on protesters [Reuters] Libyan leader Muammar Gaddafi has "
                         "appeared on state television to signal his defiance.")
    assert a.text.startswith("Libyan leader Muammar Gaddafi has appeared")
    assert "photo caption or credit" in removed.values()


def test_a_sign_off_and_an_advertisement_are_cut_from_what_the_page_glued_to_them():
    body = "\n\n".join(f"{BODY} It was vote number {n} of the year, and the debate ran for "
                       "hours as members argued over roads, schools and the police." * 3
                       for n in range(4))
    a, removed = cleaned(
        f"Title\n\n{body}\n\nThe bank held rates, the governor said. An ultra-low latency "
        "infrastructure for electronic trading and data distribution\n\n(Reporting by Jane Roe; "
        "Editing by John Doe) We welcome comments that advance the story.\n\n(Reporting by Ann "
        "Poe) CAIRO (Reuters) - Egypt's central bank held rates on Thursday.")
    assert a.text == (f"{body}\n\nThe bank held rates, the governor said.\n\n"
                      "Egypt's central bank held rates on Thursday.")
    assert removed["(Reporting by Jane Roe; Editing by John Doe)"] == "byline"
    assert removed["We welcome comments that advance the story."] == "comment prompt"


def test_a_syndicators_notice_glued_before_the_story_goes_and_the_story_stays():
    notice = ("BOSTON, MA 02110 Tel: 617-555-0100 COPYRIGHT 2001 BY WORLDSOURCES, INC. NO "
              "PORTION OF THIS TEXT MAY BE USED WITHOUT ATTRIBUTION TO WORLDSOURCES, INC.")
    a, removed = cleaned(f"{notice} {BODY} The mayor signed it the next day.")
    assert a.text == f"{BODY} The mayor signed it the next day."
    assert removed[notice] == "newswire markup"
    # a notice quoted in a story's prose is the story's; an initial is no notice's end
    prose = ("The label's lawyers cited the sleeve, which reads COPYRIGHT 1998 BY SONY MUSIC. "
             "NO PART MAY BE COPIED WITHOUT PERMISSION OF SONY. The council voted on it.")
    assert cleaned(prose)[0].text == prose
    initials = ("COPYRIGHT 2001 BY U.S. NEWS & WORLD REPORT. NO PORTION MAY BE USED WITHOUT "
                "PERMISSION OF U.S. NEWS & WORLD REPORT.")
    assert cleaned(f"{initials} {BODY}")[0].text == BODY


def test_a_later_storys_dateline_is_cut_where_it_stands():
    body = "\n\n".join(f"{BODY} It was vote number {n} of the year, and the debate ran for "
                       "hours as members argued over roads, schools and the police." * 3
                       for n in range(4))
    a, removed = cleaned(f"Title\n\n{body}\n\n"
                         "BENGHAZI, Libya (Reuters) -- Turkey pledged $200 million in aid.")
    assert a.text == f"{body}\n\nTurkey pledged $200 million in aid."
    assert removed["BENGHAZI, Libya (Reuters) --"] == "dateline"


def test_a_later_storys_dateline_in_capitals_is_cut_where_it_stands():
    body = "\n\n".join(f"{BODY} It was vote number {n} of the year." for n in range(4))
    stays = ("QUESTION -- What did the council decide on Monday night?\n\n"
             "ANSWER -- It voted to close the bridge for repairs.\n\n"
             "NATO -- the alliance -- has taken command of the operation.\n\n"
             "EDITOR'S NOTE -- Jane Roe covers health for the agency.\n\n"
             "AIDS -- Acquired Immune Deficiency Syndrome -- kills a million people a year.\n\n"
             "FBI Director Jane Roe -- The bureau's chief since 2001 -- told senators so.")
    a, removed = cleaned(f"Title\n\n{body}\n\nWASHINGTON -- Treasury Secretary Jane Roe is "
                         "telling leaders that the limit will be reached in March.\n\n"
                         f"{stays}\n\nLIMA, Peru -- Officials said the road had reopened.")
    assert a.text == (f"{body}\n\nTreasury Secretary Jane Roe is telling leaders that the limit "
                      f"will be reached in March.\n\n{stays}\n\nOfficials said the road had "
                      "reopened.")
    assert removed["WASHINGTON --"] == "dateline"
    # one such paragraph on a page is no round-up's
    a, _ = cleaned(f"Title\n\n{body}\n\nWASHINGTON -- Treasury Secretary Jane Roe is telling "
                   "leaders that the limit will be reached in March.")
    assert "WASHINGTON --" in a.text


def test_a_news_sites_readers_comments_go_to_the_pages_end():
    body = "\n\n".join(f"{BODY} It was vote number {n} of the year." for n in range(3))
    long = " ".join(["The council should have waited for the auditors' report."] * 6)
    a, removed = cleaned(f"Title\n\n{body}\n\nI agree with the mayor. March 5, 2011 at 6:15 am | "
                         f"Report abuse | {long}\n\nThe vote was rigged, in my view.\n\n"
                         "Posted by: jdoe | March 6, 2011 3:35 PM | Report abuse Not so.")
    assert a.text == body
    assert list(removed.values()).count("reader comment") == 3


def test_a_wires_notice_that_comments_follow_cuts_them_even_under_a_short_story():
    story = "The Navy fired missiles at the coast on Saturday, officials said."
    a, removed = cleaned(f"Title\n\n{story}\n\nViews expressed in the comments do not "
                         "represent those of Reuters.\n\nThe fleet should come home now."
                         "\n\nWho pays for it?\n\nThis discussion is now closed.")
    assert a.text == story
    assert list(removed.values()).count("reader comment") == 4


READING_LIST = ["Jane Roe of the Center for Farm Policy argues that the subsidy saved jobs.",
                "John Doe, Ann Poe, and Max Moe note that exports would help the ports.",
                "The River Task Force proposes cuts to the dredging budget."]


def test_a_chronologys_items_keep_their_dates_where_one_such_date_is_a_dateline():
    items = ["Feb. 24 - Rivers burst their banks in three northern towns after rain.",
             "Feb. 26 - The army sends boats to the valley and evacuates two villages.",
             "March 5 - The dam at the head of the valley holds after engineers work."]
    a, _ = cleaned("Title\n\nHere is a timeline of the floods.\n\n" + "\n\n".join(items))
    assert a.text.endswith("\n\n".join(items))
    a, _ = cleaned("Title\n\n" + items[0])  # (a video's "Mar 1 - " on its own is cut)
    assert a.text.startswith("Rivers burst")


def test_a_blogs_reading_list_of_three_links_or_more_is_cut():
    post = ["The dam report came out on Monday.", "Its authors blame the river board."]
    cut, removed = clean_all([article("\n\n".join(READING_LIST + post), "a")])
    assert cut[0].text == "\n\n".join(post)
    assert [r.reason for r in removed] == ["related links"] * 3
    # two such lines, lines apart, or lines whose subject is no name are a story's own
    for lines in (READING_LIST[:2] + post, [READING_LIST[0], *post, *READING_LIST[1:]],
                  ["Jane Roe argues that the subsidy saved jobs in the ports.",
                   "She notes that exports would help the ports.",
                   "Analysts note that the board proposes cuts to dredging.", *post]):
        assert clean_all([article("\n\n".join(lines), "a")])[0][0].text == "\n\n".join(lines)


def test_a_comments_notice_above_the_story_goes_alone():
    story = "The Navy fired missiles at the coast on Saturday, officials said."
    a, removed = cleaned("Views expressed in the comments do not represent those of Reuters."
                         f"\n\n{story}\n\nThe strikes went on into the night, they said.")
    assert a.text == f"{story}\n\nThe strikes went on into the night, they said."
    assert list(removed.values()) == ["reader comment"]


def test_a_story_that_opens_on_a_post_it_quotes_keeps_its_body():
    text = ("At 9:42 am on 14 Feb 2012, jdoe wrote: the building is on fire.\n\n"
            f"{BODY}\n\nFirefighters arrived within minutes, officials said.")
    assert cleaned(f"Title\n\n{text}")[0].text == text


def test_a_blogs_readers_comments_go_to_the_pages_end():
    body = "\n\n".join(f"{BODY} It was vote number {n} of the year." for n in range(3))
    a, removed = cleaned(f"Title\n\n{body}\n\nAt 2:10 pm on 02 Jun 2009, jane_roe wrote: I "
                         "think the budget is wrong.\n\nIt will fail within a year, in my view."
                         "\n\nAt 4:06 pm on 02 Jun 2009, jdoe wrote: The council did well.")
    assert a.text == body
    assert list(removed.values()).count("reader comment") == 3


def test_an_agencys_bracket_is_not_cut_inside():
    a, _ = cleaned("Title\n\nCAIRO, Egypt | Mon May 18, 2009 11:51 am EDT CAIRO, Egypt (Reuters "
                   "Life!)\n\nThe festival opened on Monday in the old city, organisers said.")
    assert not any(p.startswith("Life!)") for p in a.text.split("\n\n"))


def test_a_signature_needs_a_name_a_place_and_an_article_after_them():
    for text in ("Later Thursday, The Washington Post obtained a video of the remarks.",
                 "Jane Roe, Mexico City's mayor, said the schools would reopen on Monday.",
                 "Since March, Hepatitis A cases have risen across the region.",
                 "On Sunday, Serie A leaders Inter Milan lost at home."):
        a, _ = cleaned(f"Title\n\n{BODY}\n\n{text}")
        assert a.text.endswith(text)


def test_a_dateline_without_an_agency_ends_a_header_of_captions():
    a, removed = cleaned("Title\n\nA worker sleeps on a desk at a toy factory in the city.\n\n"
                         "(Jane Roe Via Getty Images) SHENZHEN, China -- When the toy maker went "
                         "bankrupt, its bosses fled without paying the workers.")
    assert a.text == "When the toy maker went bankrupt, its bosses fled without paying the workers."
    assert removed["A worker sleeps on a desk at a toy factory in the city."] == "page header"


def test_a_name_in_brackets_is_no_credit_that_ends_a_header():
    paragraphs = ["Rescue crews pulled three survivors from the rubble overnight.",
                  "At least nine people were killed when the building fell.",
                  "The cause of the collapse was not yet known."]
    for credit in ("(Warning) The video below shows the rescue.",
                   "(Youtube) The video below shows the rescue."):
        a, _ = cleaned("Title\n\n" + "\n\n".join(paragraphs) + "\n\n" + credit)
        assert a.text.startswith(paragraphs[0])


def test_a_dateline_inside_a_sentence_ends_no_headline():
    for text in (("President Jane Roe arrived in the capital of the USA, Washington -- Her first "
                  "visit there in years, aides said."),
                 ("The league office in NEW YORK, Park Avenue -- The site of the draft -- was "
                  "closed on Monday.")):
        assert cleaned(f"Title\n\n{text}")[0].text == text


def test_a_credit_in_brackets_ends_a_header_of_captions_only():
    a, removed = cleaned("Title\n\nThe lender's chief at a hearing on Monday.\n\n(Jane Roe - "
                         "Bloomberg News) The government named a pay czar yesterday.")
    assert a.text == "The government named a pay czar yesterday."
    assert removed["The lender's chief at a hearing on Monday."] == "page header"
    lead = ("The government named a pay czar yesterday to set salaries and bonuses at the "
            "biggest firms at the heart of the crisis, officials said on Thursday night.")
    a, _ = cleaned(f"Title\n\n{lead}\n\n(Youtube) The czar said he would start at once.")
    assert a.text.startswith(lead)


@pytest.mark.parametrize("text, rest", [
    (("Leader Advocates Systemic Change After Crisis TOULON, France, Sept. 25 -- The French "
      "president warned Europe on Thursday that it cannot escape the crisis."), "The French"),
    (("Unable to Escape Global Crisis, Nations Take Financial Action RIO DE JANEIRO, Dec. 9 -- "
      "It began with denial, as the leaders insisted their economies were safe."), "It began"),
])
def test_a_headline_glued_before_a_dateline_without_an_agency_goes(text, rest):
    a, removed = cleaned(f"Title\n\n{text}")
    assert a.text.startswith(rest)
    assert "page header" in removed.values()
    text = "Officials from the US and NATO -- the alliance's members -- met on Tuesday in Brussels."
    assert cleaned(f"Title\n\n{text}")[0].text == text


def test_a_photo_credit_glued_before_the_first_sentence_ends_the_pages_header():
    text = ("Title\n\nFlu fears rise as the toll reaches 80 Suspected cases reported\n\n"
            "A couple wearing masks kiss in Mexico City as the outbreak sweeps the city.\n\n"
            "Photograph: Jane Roe/AFP/Getty Images Live blog: Health officials across the world "
            "scrambled to contain the outbreak today.\n\nPhotograph: AP The toll rose again.")
    a, removed = cleaned(text)
    assert a.text == ("Health officials across the world scrambled to contain the outbreak today."
                      "\n\nThe toll rose again.")
    assert removed["A couple wearing masks kiss in Mexico City as the outbreak sweeps the "
                   "city."] == "page header"
    assert removed["Photograph: Jane Roe/AFP/Getty Images"] == "photo credit"


def test_a_bylined_photo_credit_before_the_first_sentence_ends_the_pages_header():
    text = ("Title\n\nFactory Orders Paint Bleak Picture Jane Doe operates a lathe in Norwell.\n\n"
            "Orders for goods dipped 4 percent between July and August.\n\n"
            "(By Jane Roe -- Bloomberg News) U.S. factory orders sank by the largest amount in "
            "nearly two years.")
    a, removed = cleaned(text)
    assert a.text == "U.S. factory orders sank by the largest amount in nearly two years."
    assert removed["Orders for goods dipped 4 percent between July and August."] == "page header"


def test_a_wire_dateline_with_a_date_only_is_cut():
    a, removed = cleaned("Title\n\nAug 21 (Reuters) - Libyan rebels entered Tripoli on Sunday.")
    assert a.text == "Libyan rebels entered Tripoli on Sunday."
    assert "dateline" in removed.values()


def test_the_paragraphs_above_a_wire_dateline_are_the_pages_header():
    text = ("Title\n\nCNN source says NATO believes the resolution justifies it.\n\n"
            "NATO replies: \"We are simply not targeting individuals.\"\n\n"
            f"Abu Dhabi (CNN) -- Night after night, jets have hammered Tripoli.\n\n{BODY}")
    a, removed = cleaned(text)
    assert a.text.startswith("Night after night, jets have hammered Tripoli.")
    assert removed["CNN source says NATO believes the resolution justifies it."] == "page header"
    assert "NATO replies" not in a.text and "Abu Dhabi" not in a.text


def test_a_promo_headline_above_a_header_glued_to_the_wires_dateline_goes_with_it():
    text = ("U.S. Northeast digs out from blizzard, tornado strikes in South.\n\n"
            "Full Article U.N. Security Council eases sanctions on Libya UNITED NATIONS | Sat "
            "Sep 17, 2011 8:24 am IST UNITED NATIONS (Reuters) - The U.N. Security Council on "
            f"Friday eased sanctions on Libya.\n\n{BODY}")
    a, removed = cleaned(text)
    assert a.text.startswith("The U.N. Security Council on Friday eased sanctions on Libya.")
    assert removed["U.S. Northeast digs out from blizzard, tornado strikes in South."] == \
        "page header"


@pytest.mark.parametrize("line, clutter", [
    ("The opinions expressed in this commentary are solely those of Gloria Borger.", True),
    ("The opinions in this commentary are solely those of Angel M. Rabasa.", True),
    ("The opinions expressed are her own.", True),
    ("ANY OPINIONS EXPRESSED HERE ARE THE AUTHOR S OWN.", True),
    ("The views expressed by this author are their own and are not the views of The Hill.", True),
    ("-- James Saft is a Reuters columnist.", True),
    ("(Diane White is a columnist with The Boston Globe.)", True),
    ("Views expressed in the comments do not represent those of Reuters.", True),
    ("Any opinions are his own.", True),
    ("ProPublica is supported entirely by philanthropy and provides the articles it produces, "
     "free of charge, both through its own Web site and to leading news organizations.", True),
    # views in the news are the news
    ("The views of the council are those of the majority, the mayor said.", False),
    ("Maureen Dowd is a columnist for The New York Times.", False),
    ("His views are his own, and he has said so often, his spokesman said.", False),
    ("The views expressed are those of the author, the newspaper said.", False),
    ("The views are those of the committee, not the government, the minister said.", False),
    ("The opinions are those of the majority of the court.", False),
    ("The views are their own and not the official position, a spokesman said.", False),
    ("(Gingrich is a paid Fox News contributor.)", False),
    ("The views expressed are those of the independent panel and not of the government.",
     False),
    ("The shelter is supported entirely by philanthropy and has been hit hard by the "
     "recession, its director said.", False),
    ("- Sheldon Adelson is a major contributor.", False),
])
def test_a_columns_disclaimer_and_sign_off_go(line, clutter):
    a, removed = cleaned(f"Title\n\n{BODY}\n\n{line}\n\n{BODY}")
    assert (line not in a.text) is clutter


@pytest.mark.parametrize("quoted", [
    "The agency reported it this way: WASHINGTON (Reuters) - The Federal Reserve held rates.",
    "Good morning. Libya: TRIPOLI (Reuters) - Rebels entered the capital on Sunday.",
])
def test_a_wire_dateline_after_the_storys_own_words_keeps_the_lead_above(quoted):
    lead = "The Federal Reserve kept interest rates unchanged on Wednesday, analysts said."
    a, _ = cleaned(f"Fed holds rates\n\n{lead}\n\n{quoted}\n\n{BODY}")
    assert a.text.startswith(lead)


@pytest.mark.parametrize("glued, lead", [
    ("Page last updated at 15:47 GMT, Friday, 22 January 2010 (an error occurred while "
     "processing this directive) ", "Some of Britain's top musicians are teaming up."),
    ("Hope for Haiti Now footage courtesy of MTV ",
     "Organisers of the telethon say it has raised more than $57m for the victims."),
])
def test_a_bbc_pages_stamp_and_a_videos_credit_glued_before_the_lead_go(glued, lead):
    a, _ = cleaned(f"Title\n\n{glued}{lead}\n\n{BODY}")
    assert a.text.startswith(lead)


@pytest.mark.parametrize("glued, lead", [
    ("Emmanuel Etienne was terrified he would lose his leg ",
     "Emmanuel Etienne may be badly injured in a field hospital but he feels lucky."),
    ("Mariah Carey joins line-up for Haiti charity single Mariah Carey is the latest star to "
     "be added to the bill ", "Mariah Carey is the latest performer to join the charity single."),
    ("George Clooney has been organising the ceremony ",
     "George Clooney's star-studded benefit show will be shown on MTV in the UK."),
    ("Treating the victims of the Haiti earthquake ",
     "Between 100,000 and 200,000 people may have died in the Haiti earthquake."),
])
def test_a_caption_that_opens_on_the_leads_name_is_cut(glued, lead):
    cleaned_, _ = clean_all([article(f"{glued}{lead}\n\nMore of the story follows here.", "a")])
    assert cleaned_[0].text.startswith(lead)


def test_a_caption_that_joins_clauses_is_cut_when_its_name_acts_again_in_any_paragraph():
    caption = "Maria Lopez was found when neighbours heard her weakly calling "
    lead = ("Maria Lopez was pulled, barely alive, from a collapsed school in Lima on Friday, "
            "five days after the flood.")
    text = f"Stories of survival are few.\n\nSome are below.\n\nMore follow.\n\n{caption}{lead}"
    cleaned_, removed = clean_all([article(text, "a")])
    assert cleaned_[0].text.endswith(f"\n\n{lead}")
    assert ("caption", caption.strip()) in [(r.reason, r.text) for r in removed]


@pytest.mark.parametrize("text", [
    "Barack Obama said on Monday that the talks with the party of Barack Obama would go on.",
    "Barack Obama makes Haiti earthquake statement US President Barack Obama has pledged aid.",
    "Lionel Messi scored twice as Barcelona won, and fans chanted Lionel Messi is the best.",
    "New Zealand beat Australia by ten points as rugby fans across New Zealand celebrated the "
    "win late into the night.",
    "Hong Kong police fired tear gas on Sunday as protesters across Hong Kong defied a ban.",
    "Kim Jong Un met Moon Jae-in at the border on Friday, and officials hope Kim Jong Un will "
    "give up his nuclear weapons.",
    "Fort Hood police said a soldier arrested near Fort Hood has told investigators of a plan.",
    "North Korea fired two missiles into the sea on Sunday, raising fears North Korea is "
    "preparing another nuclear test.",
    # "Between" opens a sentence only before a number
    "Actor Neil Pearson, who starred in the BBC police drama Between the Lines, has died at "
    "the age of 70, his agent said.",
    "The Senate on Tuesday ratified the Agreement Between the United States and Canada on "
    "Arctic cooperation after a long debate.",
])
def test_a_name_said_twice_in_a_first_sentence_is_no_caption(text):
    cleaned_, removed = clean_all([article(f"{text}\n\nMore of the story follows here.", "a")])
    assert not removed and cleaned_[0].text.startswith(text)


@pytest.mark.parametrize("text", [
    "The footage courtesy of the family shows him smiling, police said.",
    "Dramatic footage courtesy of ABC News shows the moment the bridge collapsed.",
])
def test_footage_courtesy_of_a_family_or_a_network_is_the_storys(text):
    a, _ = cleaned(f"Title\n\n{BODY}\n\n{text}")
    assert text in a.text


def test_a_disclaimer_glued_before_a_columns_first_sentence_goes_alone():
    a, removed = cleaned(f"Title\n\n{BODY}\n\nThe opinions expressed are his own -- Stock "
                         "research analysts get no respect these days.")
    assert a.text.endswith("\n\nStock research analysts get no respect these days.")
    assert "author's disclaimer" in removed.values()


def test_a_dateline_is_only_cut_from_the_first_paragraphs():
    a, _ = cleaned(f"Title\n\nStandfirst here\n\nWASHINGTON (AP) — {BODY}\n\n{BODY}\n\n"
                   "Aid arrived.\n\nNATO — Russia relations worsened, diplomats said.")
    assert "WASHINGTON" not in a.text and "NATO — Russia relations" in a.text


@pytest.mark.parametrize("text, iso", [
    ("Updated: September 13, 2018", "2018-09-13"),
    ("Wednesday 22 January 2020", "2020-01-22"),
    ("on 2019-02-10 at noon", "2019-02-10"),
    ("Feb. 9, 2019", "2019-02-09"),
    ("February 30, 2019", None),
    ("no date here", None),
])
def test_find_date(text, iso):
    assert find_date(text) == iso


def test_example_cluster_loses_all_its_clutter(example_dir):
    from storyline import read_cluster

    articles, removed = clean_all(read_cluster(example_dir))
    text = "\n".join(a.text for a in articles)
    for clutter in ["Image copyright", "Image caption", "AFP Photo", "Getty Images",
                    "Media playback", "Media caption", "Read more", "Leave a Reply",
                    "logged in to post", "issues with commenting", "COMMENTS", "Updated:",
                    "automated translation", "Idlib face last stand", "Source: BBC",
                    "Abu Bakr al-Baghdadi has not been seen", "Morocco repatriates",
                    "Jean-Marc Vigilant (L)", "Daphné BENOIT", "Sebastian Usher"]:
        assert clutter not in text, clutter
    assert {r.reason for r in removed} >= {"photo caption or credit", "media player text",
                                           "related links", "comment prompt", "date stamp",
                                           "translation banner", "repeated paragraph"}


def test_a_long_paragraph_is_not_dropped_for_a_clutter_phrase_inside_it():
    body = " ".join(["The council approved the new budget after a long debate."] * 10)
    a, removed = cleaned(f"Budget approved\n\n{body} Your email address will not be published.")
    assert a.text.startswith(body) and not removed


def test_a_reader_comment_goes_but_a_long_post_after_a_stamp_stays():
    comment = "May 17, 2011 04:16 pm at 4:16 pm | Actually yes, this is consistent."
    post = ("Posted on May 17, 2011 at 4:16 pm | " + " ".join(
        ["The senator said on Tuesday that the law requires a vote within sixty days."] * 4))
    a, removed = cleaned(f"Title\n\n{BODY}\n\n{comment}\n\n{post}")
    assert comment not in a.text and post in a.text
    assert removed[comment] == "reader comment"


def test_long_clutter_that_is_sure_of_itself_still_goes():
    gallery = "Photos: The search for MH370 Photos: The search for MH370 " + "Two years on. " * 60
    newsletter = "Newsletter Sign Up Continue reading the main story " + "Please verify. " * 40
    for line in (gallery, newsletter):
        a, removed = cleaned(f"Title\n\n{BODY}\n\n{line.strip()}")
        assert a.text == BODY and removed


def test_html_style_short_paragraphs_are_not_taken_as_wrapped():
    from storyline.brief.clean import paragraphs

    text = ("Storm hits the coast as thousands of residents flee\n"
            "A storm hit the coast on Tuesday, forcing thousands to flee, officials said.\n"
            "Winds reached 120 km/h in the port city overnight, the weather office said.\n"
            "Read more\nFloods kill 40 in neighbouring province after days of rain\n"
            "Schools to stay shut across the region until the end of next week\n"
            "Aid agencies appeal for help as camps fill up along the coast road\n")
    assert paragraphs(text) == text.splitlines()


def test_wrapped_paragraph_ends_where_a_sentence_ends():
    from storyline.brief.clean import paragraphs

    text = ("A dam burst early on Tuesday in the northern valley, flooding\n"
            "three villages and forcing thousands of residents to flee their\n"
            "homes, officials said on Wednesday after a night of rescues.\n"
            "Photo: AP / Getty Images\n"
            "Rescue teams reached the area by boat in the afternoon and\n"
            "evacuated about 2,000 people, according to the governor.\n")
    got = paragraphs(text)
    assert got[1] == "Photo: AP / Getty Images" and got[0].endswith("night of rescues.")


def test_short_lines_one_paragraph_each_are_not_taken_as_wrapped():
    from storyline.brief.clean import paragraphs

    text = ("Storm hits coast\nA storm hit the coast on Tuesday, officials said.\nAdvertisement\n"
            "Winds reached 120 km/h in the port city overnight.\n"
            "Thousands of homes lost power, the utility said.\n")
    assert paragraphs(text) == [line for line in text.splitlines()]


def test_wrapped_text_with_a_long_url_line_and_indented_paragraphs():
    from storyline.brief.clean import paragraphs

    text = ("  A dam burst early on Tuesday in the northern valley, flooding\n"
            "three villages and forcing thousands of residents to flee their\n"
            "homes, officials said.\n"
            "  Rescue teams reached the area by boat in the afternoon and\n"
            "evacuated about 2,000 people, according to the governor.\n\n"
            "https://example.com/news/2024/05/21/a-very-long-address-of-the-story-page-here.html\n")
    assert paragraphs(text) == [
        "A dam burst early on Tuesday in the northern valley, flooding three villages and "
        "forcing thousands of residents to flee their homes, officials said.",
        "Rescue teams reached the area by boat in the afternoon and evacuated about 2,000 "
        "people, according to the governor.",
        "https://example.com/news/2024/05/21/a-very-long-address-of-the-story-page-here.html"]


def test_hard_wrapped_text_is_unwrapped_into_paragraphs():
    text = ("Dam bursts in valley\n\nA dam burst early on Tuesday in the northern valley,\n"
            "flooding three villages and forcing thousands of residents to\nflee, officials "
            "said.\n\nRescue teams reached the area by boat in the\nafternoon and evacuated "
            "about 2,000 people.\n")
    a, _ = cleaned(text)
    assert a.title == "Dam bursts in valley"
    assert a.text == ("A dam burst early on Tuesday in the northern valley, flooding three "
                      "villages and forcing thousands of residents to flee, officials said.\n\n"
                      "Rescue teams reached the area by boat in the afternoon and evacuated "
                      "about 2,000 people.")


def test_one_paragraph_per_line_is_kept_as_it_is(example_dir):
    from storyline.brief.clean import paragraphs

    text = (example_dir / "article-4.txt").read_text()
    assert paragraphs(text) == [line.strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("text, clutter", [
    ("Follow The Knot on Twitter and Instagram @TheKnot.", True),
    ("Follow us on Facebook for the latest updates.", True),
    ("The singer has 40 million followers on Twitter and posts daily.", False),
    ("Warning: The following video contains graphic footage.", True),
    ("Check out Dead50.net for ticketing information.", True),
    ("Image caption Paul Conroy was smuggled across the border into Lebanon.", True),
    ("People pray at a sidewalk memorial in San Bernardino, Calif., Tuesday, April 11, 2017.",
     True),
    ("Mitch McConnell speaks to reporters in Washington, in this March 24, 2015 file photo.",
     True),
    ("Updated: We've added new reports to the article.", True),
    ("Please keep posting them in the comments.", True),
    ("For more on Rihanna, head over to Billboard.", True),
    ("Click below to sign the Petition.", True),
    ("The former secretary of state poses with the chairman after her arrival in Udaipur.",
     True),
    ("The plan poses a risk to the city's budget, officials said.", False),
    ("The vote was held on Tuesday, April 11, 2017, in the Senate.", False),
    ('A rendering of a long-necked dinosaur, or "Bigfoot."', True),        # a caption
    ("A photo shows the damaged reactor building in the harbour.", True),
    ("A photo of the suspect was released by police on Monday.", False),
    ("Staff researcher Jane Roe contributed to this report.", True),
    ("The BBC's Ann Lee boarded a navy ship to travel to the village, close to the coast.",
     True),                                        # the outlet's reporter's travel, a blurb
    ("ITV's Jon Moe brings us the latest on their plight.", True),
    ("The BBC's Ann Lee has followed the story of a girl called Joy.", True),
    ("CNN's Ann Lee reported from the border and Jon Moe reported from Rome.", True),
    ("CNN's Ann Lee reported from the port that another 10 people were killed.", False),
    ("Jon Moe looks at the impact of the flood on the valley's farms.", True),  # a blurb
    ("Ann Lee assesses the scene at a farm the river swept away.", True),
    ("President Ann Lee looks at the options before her, aides said.", False),
    (("As it happened: Valley floods 14 Jan Live coverage following Tuesday's floods in "
      "the valley, in which hundreds are feared dead."), True),    # a live page's header
    ("This article was reported jointly with Ann Lee of ProPublica, a nonprofit newsroom.",
     True),
    ("This article was reported by our correspondent in Kiev over three weeks.", False),
    ("This report was prepared with data from 40 aid agencies working in the region.", False),
    ("May 17, 2011 04:16 pm at 4:16 pm | Actually yes, this is consistent with the approach.",
     True),                                                                 # a reader's comment
    ("The vote on May 17, 2011 ended at 4:16 pm after a long debate.", False),
    ("African migrants stranded on a boat wait for rescue services near Sfax, on June 4.",
     True),                                                   # a caption, ending on its date
    ("A boy wears a mask inside a bus in Bogota May 4, 2009.", True),
    ("Talks resume in Geneva on June 4.", False),
    ("Pope Francis arrives in Rio de Janeiro on July 22.", False),
    ("A fire broke out at a garment factory in Dhaka on Nov. 24.", False),
    ("The cast members couldn't attend the premiere in Atlanta on Dec. 15, 1939.", False),
    ("The daily transcript is a written version of each day's CNN Student News program "
     "Download PDF maps related to today's show: THIS IS A RUSH TRANSCRIPT.", True),
    ("Send us your images or video.", True),
    ("The Associated Press left a message seeking comment from the police.", True),
    ("Paramount fired back, arguing in its response [PDF] that the film is its own.", True),
    ("The video shown here explains the syndrome.", True),
    ("Thank you for supporting the campaign to make it a national holiday.", True),
    ("NPR transcripts are created on a rush deadline by a contractor.", True),
    ("The court left a message for the defendant in its ruling.", False),
    ("USA TODAY 58 of 68 Skip in Skip x Embed x Share CLOSE Bundle up!", True),
    ("Update:Judge calls emergency meeting over redaction errors.", True),
    ("41 , 42 A recent review defined perceived effectiveness as a belief.", True),
    # photo captions, told by where the person stands in the picture
    ("Moammar Gadhafi, third from right, stands Monday with the African Union delegation.",
     True),
    ("Lois Slocum, left, with Michelle Arvan, runs a family-style hardware store.", True),
    ("The flood of people fleeing into Tunisia (above) is increasing pressure.", True),
    ("The car is pictured at the school in Newtown, in this evidence photo.", True),
    ("No government of the left, right and center has done that before.", False),
    ("The senator turned left, then right, and walked out.", False),
    # corrections, the page speaking to its reader, a list announced
    ("The article incorrectly described how the agency is funded.", True),
    ("An earlier version of this post gave the suspect's name wrongly.", True),
    ("Check out CNN's reporting around Libya, city by city.", True),
    ("Please do not put yourself in a dangerous situation.", True),
    ("Following are the latest political and military developments in the crisis.", True),
    ("Here are some tips on getting the most out of your vacation.", True),
    ("Sky News Quake Survivors Face Threat - 2 hrs ago Melbourne Age Haiti will take decades.",
     True),
    ("In this Thursday, Jan. 17, 2013, file photo, a man speaks on a phone in Madrid.", True),
    ("Several studies have observed weak Moho arrivals (Fig. 1), including a reversal.", True),
    ("The reduction has been attributed to serpentine in the mantle wedge11,12,13,14.", True),
    ("The velocities are similar to those observed beneath Mount St Helens9,17.", True),
    ("The vote was 11,12 in favour of the bill on Monday.", False),
    ("Cascadia is a relatively warm arc due to the young age of the slab21,22.", True),
    ("Users of web3 tools and mp3 players were counted by word12.", False),
    ("Happy99 is not destructive, but it has created a ruckus on mailing lists.", False),
    ("June 17, 2011 at 11:56 am | Reply Well said and that is exactly how I think.", True),
    ("News From Around The Web WASHINGTON -- Timothy Geithner says the fund is open.", True),
    ("Stay with KDKA for the latest on this developing story.", True),
    ("Gadhafi accepts terms updated: Sun Apr 10 2011 18:58:00 The Libyan leader agreed.", True),
    ("CNN's Nic Robertson reports that fighting is getting closer to the capital.", True),
    ("The BBC's Matt Frei says there has been gunfire and looting in some areas.", True),
    ("In CNN.com's Opinion section, writers raised questions about the goal.", True),
    ("Zlitan in rebel sights By Ivan Watson and Jomana Karadsheh, CNN Libyan fire fighters "
     "survey the remains.", True),
    ("U.S. recognizes rebels By the CNN Wire Staff U.S. Secretary of State Hillary Clinton spoke.",
     True),
    ("CNN's reporting from Libya was praised by viewers, the network said.", False),
    ("The ministry was founded by Ahmed Karim, Reuters reported on Monday.", False),
    ("The following day, the first flight to New York was delayed.", False),
    ("(NYT32) STAMFORD, Conn. -- Oct. 20, 1999 -- Lois Slocum runs a hardware store.", True),
    ("Image The White House’s spokeswoman said on Wednesday that the lawyer had won.", True),
    ("Caption The Wisconsin governor announced Monday that he will drop out.", True),
    ("Images of the crash were shown on television that night.", False),
    ("Eric Gay / AP Senator Wendy Davis listens as the Texas Senate debates the bill.", True),
    ("A police officer watches as a cruiser is removed from Forest Road, Wednesday, Sept. 2, "
     "2015 in Millis, Mass. An officer reported that his vehicle was shot at.", True),
    ("The hearing was set for Tuesday, and the judge will rule in March 2016.", False),
    ("Using the official page, the government published the cuddly image below.", True),
    ("Watch the trip in the Late Show clip above.", True),
    ("The photo above the fireplace was stolen on Monday.", False),
    # "this" picture or clip: the page's, which a brief cannot show
    ("The mother shared this picture of her son's back, covered in bruises.", True),
    ("This clip is our gift to you.", True),
    ("You can see some of the damage from the shelling in this video.", True),
    ("He played this video game for nine hours before the fire started.", False),
    ("Prosecutors said this video showed the officer firing seven shots.", False),
    ("The photo was taken on Monday and shared thousands of times.", False),
    # a page sending its reader to a web address
    ("Visit example.org for more information.", True),
    ("For tickets, visit example.com.", True),
    ("The full list will appear on Example.com this Thursday (Aug. 8).", True),
    ("Thousands visit the site every day to read Example.com reviews.", False),
    ("The man, who spoke to example.com from his home, denied the charge.", False),
    ("Visit www.example.org.", True),
    ("Visit our website at www.example.org for the full list.", True),
    ("The documents will be posted on example.gov once it is done, the judge ordered.", False),
    # a writer's word to the reader
    ("Congratulations to the actor on his newly earned PhD.", True),
    ("Thank you for supporting the campaign to make the day a holiday.", True),
    ('Thank you all for the prayers," his grandmother tweeted after the call.', False),
    ("Thanks to the rain, the fire was contained by Sunday.", False),
    ("Thanks in part to the rain, the fire was contained by Sunday.", False),
    ("Thank you notes were sent to all 500 donors, the charity said.", False),
    ("Thank you for your service, the president told the veterans at the rally.", False),
    ("Congratulations to the winner came from leaders around the world.", False),
    ("Thanks for all the messages , they mean a lot `` she is so grateful ''", False),
    ("Fans arrive at the awards at the Forum on Sunday, Aug. 27, 2017, in Inglewood, Calif.",
     True),
    ("Police said the man was seen on Sunday, Aug. 27, 2017, near the arena.", False),
    ("A sketch released of an unidentified man who was struck by a train in 1985.", True),
    ("A photo released by police shows the suspect leaving the store.", True),
    ("A photo of the suspect was released by police on Monday.", False),
    ("ESPN legal analyst Jane Roe details the video which appears to show the crash.", True),
    ("CNN reporter Jane Roe was arrested on Monday while covering the protest.", False),
    ("Here's how the newspaper arrived at that number.", True),
    ("Here the river floods every spring, residents said.", False),
    ("Jane Roe writes for the Dayton Daily News, Dayton, Ohio.", True),
    ("Pike Co. coroner: Autopsies show both died of smoke inhalation.", True),
    ("Police: story was all a lie", True),
    ("WARNING: The video contains subject matter of a graphic nature.", True),
    ("Officials issued a warning about the video on Monday.", False),
    ("The coroner said autopsies showed both died of smoke inhalation.", False),
    ("The problem: researchers cannot tell in advance who will respond.", False),
    ("The newspaper he writes for has closed its Dayton office.", False),
    ("From the Golden Globes to her best impression, here are 20 of Wiig's most memorable "
     "bits.", True),
    ("On the island, here are the ruins of a temple built in 1200, officials said.", False),
    ("Senate Minority Leader Chuck Schumer and Majority Leader Mitch McConnell walk to the "
     "Senate floor Wednesday.", True),
    ("Senate leaders walked to the floor on Wednesday to announce the deal.", False),
    ("The IOC Executive Board meets on Sunday.", False),
    ("In celebration of the finale, our crack video team edited together this montage.", True),
    ("Sen. Wendy Davis, D-Fort Worth, speaks to supporters at a rally Thursday, Oct. 3, 2013, "
     "in Haltom City, Texas.", True),
    ("At the anniversary of the awards, Celebuzz has compiled a list of the best moments.", True),
    ("In English and in French with English subtitles.", True),            # a review's listing
    ("This story was edited at 5:48 p.m. to correct a quote from the letter.", True),
    ("Sen. Lindsay Graham listens as Sen. Sheldon Whitehouse holds up a copy of the book.", True),
    ("Graham said he listens as others speak.", False),
    ("Couples spend the most on their weddings in the following areas in the US.", True),
    ("He listed the following reasons for the delay: rain, wind and cold.", False),
    ("Wedding costs soar to new highs (3:40) As Americans feel better, they spend more.", True),
    ("The meeting ran from 9 a.m. (10:30 in Paris) to noon.", False),
    ("The film opens Friday, with English subtitles for the French scenes.", False),
    ("Sen. Wendy Davis spoke to supporters at a rally on Thursday in Haltom City.", False),
    ("Davonia Leach of Burleson, Texas, holds a sign protesting against State Sen. Wendy Davis "
     "outside the venue hosting a rally Thursday, Oct. 3, 2013, in Haltom City, Texas.", True),
    # a caption's present, with its day or place at the end
    ("A rebel runs for cover during an airstrike near the port, Libya, on Monday.", True),
    ("Northern rebels move on the town of Al-Qasr on Saturday.", True),
    ("A bank customer holds a handful of coins in downtown Reykjavik, Iceland.", True),
    ("The rebels hold the ports of Al-Qasr and Misrata and the hills south of the capital.", False),
    ("Rebels moved on the town of Al-Qasr on Saturday.", False),
    ("Leaders said they would meet in Brussels on Monday.", False),
    ("A powder that makes it easy to spread, the agent causes hallucinations.", False),
    ("The facade of the stock exchange in the capital, where shares have tumbled.", True),
    ("The stock exchange, where shares have tumbled, closed early on Monday.", False),
    ("The exchange reopened on Monday, where shares tumbled.", False),
    ("The building in Lima, Peru, where a gang flew a flag, hung a photo and claimed it was an "
     "embassy.", True),
    ("The new chart, where she is No. 1, will appear on the site this Thursday.", False),
    ("The old stadium, where fans gathered, was demolished in 2010 and rebuilt.", False),
    # a caption's present before a bare date
    ("Libyans gather March 21 at a site near Benghazi where a French air strike hit.", True),
    ("Libyans gathered on March 21 at a site near Benghazi.", False),
    ("Talks gather pace as the March 21 deadline nears, diplomats said.", False),
    # the page's links (a Haiti page's key date)
    ("To see how rescue workers go about their vital work, click on the links below.", True),
    ("Click the links above for more pictures.", True),
    ("Doctors click on the links in patient records to see their history.", False),
    ("For more pictures of the rescue in the capital and the aid effort across the country, "
     "click on the links below.", True),
])
def test_social_media_prompts_inside_text_are_clutter(text, clutter):
    from storyline.brief.clean import is_clutter

    assert is_clutter(text) is clutter


# A video's blurb, footage's description, and the outlet's own caveat: none is news.
@pytest.mark.parametrize("text, clutter", [
    ("Jane Roe reports from a field hospital run by the Red Cross in the capital.", True),
    ("John Doe, 15, describes the scene in the town after the storm.", True),
    ("Mark Price describes the \"grim\" scenes at a hospital in the capital.", True),
    ("Footage from the air shows the damage the storm did to the coast.", True),
    # what footage shows in a story is the story's
    ("Mobile phone footage shows both men alive after their capture.", False),
    ("CCTV footage shows the suspect leaving the station minutes before the blast.", False),
    # an agency, a firm, a watchdog: reports are their news
    ("Agence France-Presse reports from Kabul that six soldiers were killed.", False),
    ("Human Rights Watch reports on abuses in more than 90 countries.", False),
    ("Hewlett-Packard Co reports on Tuesday after the market closes.", False),
    # the caveat inside a sentence that goes on with news
    ("CNN could not independently verify the reports but the International Organization for "
     "Migration said it chartered a boat to evacuate 6,000 workers.", False),
    ("Activists said 20 people were killed in the city on Friday, but Reuters could not "
     "independently verify the reports.", False),
    ("First reports from the coast suggested the damage was worse than feared.", False),
    ("The Daily Courier reports that the mayor will run again.", False),
    ("Orders rose by a quarter in April, and TV footage shows lines outside stores.", False),
    ("CNN could not immediately confirm reports for many areas of the country.", True),
    ("CNN, however, could not immediately confirm reports.", True),
    # a caveat on what the story tells is the story's
    ("CNN has been unable to verify the video's authenticity, or when it was shot.", False),
    ("CNN could not confirm the report.", False),
    ("The government has not responded to repeated requests from CNN for access to the "
     "country.", True),
    ("CNN has interviewed numerous witnesses by phone.", True),
    ("Reuters reported that the talks had failed, citing two diplomats.", False),
])
def test_blurbs_and_an_outlets_caveat_are_clutter(text, clutter):
    from storyline.brief.clean import is_clutter

    assert is_clutter(text) is clutter


def test_a_timeline_box_after_the_story_goes_and_a_timeline_page_stays():
    story = ("Protests reached the capital on Sunday, witnesses said.\n\n"
             "The government promised reforms.\n\n")
    box = ("Here's a timeline of events: Protesters take to the streets of the port city.\n\n"
           "Seven people are killed in clashes with the police.")
    a, removed = clean(article(story + box))
    assert a.text == story.strip()
    assert [r.reason for r in removed] == ["timeline box", "timeline box"]
    page = ("Here is a timeline of the war since the protests began: Feb 15, 2011 - Riots in "
            "the port city.\n\nFeb 17, 2011 - A day of rage is called.")
    assert clean(article(page))[0].text == page
    dated = story + ("Here is a timeline of the conflict:\n\nFeb. 15, 2011 - Riots in the "
                     "port city.\n\nAug. 21, 2011 - Rebels enter the capital.")
    assert clean(article(dated))[0].text == dated


def test_a_live_pages_time_stamps_and_a_wires_story_code_go_and_a_tables_years_stay():
    a, removed = clean(article(
        "1615 Jane Roe of the charity tells the BBC its staff are safe.\n\n"
        "1603 Reports say the capital was covered in dust.\n\n"
        "1540 Aid flights are expected at the airport tonight.\n\n"
        "(ID: nN07381540) Though officials said they were over the worst, cases rose."))
    assert a.text.split("\n\n") == ["Jane Roe of the charity tells the BBC its staff are safe.",
                                     "Reports say the capital was covered in dust.",
                                     "Aid flights are expected at the airport tonight.",
                                     "Though officials said they were over the worst, cases rose."]
    assert [r.reason for r in removed] == ["time stamp"] * 3 + ["newswire code"]
    table = ("2018 Poverty Guidelines for the states are listed below.\n\n"
             "2017 Poverty Guidelines for the states are listed below too.\n\n"
             "2016 Poverty Guidelines for the states are listed below as well.")
    addresses = ("1600 Pennsylvania Avenue is the White House, the guide says.\n\n"
                 "2230 Ocean Drive is a hotel.\n\n1200 Main Street is the city hall.")
    for text in (table, addresses):
        assert clean(article(text))[0].text == text


def test_a_market_reports_section_header_is_cut():
    a, removed = clean(article("Diesel prices fell on Monday in the region.\n\n"
                               "DIESEL \\* No barges traded in the window on Monday."))
    assert a.text.endswith("\n\nNo barges traded in the window on Monday.")
    assert [(r.reason, r.text) for r in removed] == [("section header", "DIESEL \\*")]


def test_a_subhead_in_capitals_glued_before_a_sentence_is_cut():
    a, removed = clean(article("Fighting went on in the east on Monday.\n\n"
                               "TALKS STALL IN THE CAPITAL Now in its third week, the dispute "
                               "has closed two ports."))
    assert a.text.endswith("\n\nNow in its third week, the dispute has closed two ports.")
    assert [(r.reason, r.text) for r in removed] == [("section header",
                                                      "TALKS STALL IN THE CAPITAL")]
    # an acronym or two before a name stay: they are the sentence's own
    for text in ("US FDA Commissioner Jane Roe said the drug was safe on Monday.",
                 "NATO TV crews filmed the convoy on Monday, officials said.",
                 "NATO ISAF Commander John Roe said the convoy left on Monday."):
        assert clean(article(text))[0].text == text
    # a dash between its words
    a, _ = clean(article("Fighting went on in the east on Monday.\n\nSYMPTOMS - WHAT TO DO Flu "
                         "symptoms are like those of a cold, doctors say."))
    assert a.text.endswith("\n\nFlu symptoms are like those of a cold, doctors say.")


# A photo's caption glued before the story's first sentence, with the page's headline.
@pytest.mark.parametrize("glued, rest", [
    ('Mayor urges patience over flood aid Jane Roe: "For a small town like ours, this is a '
     'huge disaster" Mayor Jane Roe has appealed to residents to be patient over aid.',
     "Mayor Jane Roe has appealed"),
    # the speaker's words in single quotation marks
    ("Health minister Jane Roe: ‘The patients are recovering well at home’ Two people have "
     "been admitted to a hospital after returning from abroad.", "Two people have been"),
    ("Flood expert Dr Jane Roe: ` The picture is changing ' The valley is better prepared "
     "than ever for a flood, its council has said.", "The valley is better prepared"),
    # a title's abbreviation in the caption
    (('Flood death in Wales Prof. Jane Roe: "We expect a second wave in the winter" A man has '
      "died in a Cardiff hospital after the flood, officials said."), "A man has died"),
    ("A worker checks a valve on a pipeline near Tulsa, Okla. (By John Doe -- Bloomberg News) "
     "The sharp fall in gas prices has hurt producers across the state this winter.",
     "The sharp fall in gas prices"),
])
def test_a_caption_glued_before_the_first_sentence_is_cut(glued, rest):
    cleaned, removed = clean_all([article(glued + "\n\nMore of the story follows here.", "a")])
    assert cleaned[0].text.startswith(rest)
    assert [r.text for r in removed if r.reason == "caption"] == [glued[:glued.index(rest) - 1]]


@pytest.mark.parametrize("text", [
    'He said: "We will win." Then the minister left the hall for the airport.',
    'The minister said: "we will win" after the vote, and then he left the hall.',
    'He told reporters: "We are ready to act" Monday at the White House, before flying out.',
    "The minister's message was plain: ‘we will not be moved’ Monday or any day, she said.",
    "The minister's note read: ‘The farmers’ River Board has done nothing’ The valley is "
    "better prepared than ever, she said.",
    "The Fed cut rates on Tuesday. Stocks rose sharply on the news. A trader works on the "
    "floor (By Jane Doe -- Bloomberg News) Analysts said more cuts would come.",
])
def test_a_quotation_inside_a_first_sentence_is_no_caption(text):
    cleaned, removed = clean_all([article(text, "a")])
    assert cleaned[0].text.startswith(text.split(" A trader")[0])
    assert not [r for r in removed if r.reason == "caption"]


def _assert_headline_cut(glued, head, other):
    """`head` is cut as a headline from the page that opens on `glued`, beside `other`."""
    cleaned, removed = clean_all([article(glued + "\n\nMore of the story follows here.", "a"),
                                  article(other, "b")])
    assert ("headline", head) in [(r.reason, r.text) for r in removed]
    assert cleaned[0].text.startswith(glued[len(head) + 1:])


# A title-case headline glued before the story's first sentence.
@pytest.mark.parametrize("glued, head", [
    ("For Bailout Cash, Lender Agrees to End Deal With Carmaker The auto lender gave up its "
     "exclusive right to finance buyers of the carmaker's vehicles.",
     "For Bailout Cash, Lender Agrees to End Deal With Carmaker"),
    ("River Town Can Do the Most Good by Putting Its Own House in Order This should be the "
     "town's year to shine, its mayor says.",
     "River Town Can Do the Most Good by Putting Its Own House in Order"),
    # a person's title opening the sentence, the person named in the headline
    (("Mayor Roe Says Flood Defenses Come First, Will Meet With Builders Mayor Roe said "
      "yesterday that the river walls would be raised before any new homes were built."),
     "Mayor Roe Says Flood Defenses Come First, Will Meet With Builders"),
    # a participle opening the sentence, the headline's verb ("Seizes") written "seized"
    (("U.S. Seizes Control of Lender With $5 Billion Emergency Loan Invoking powers granted "
      "after the crash, the government seized control of the lender on Tuesday."),
     "U.S. Seizes Control of Lender With $5 Billion Emergency Loan"),
    # the name the headline is about, which the sentence opens on again
    (("On Acme-Corp Web Sites, Joy Over Oil Crisis, Support for Smith Acme-Corp is watching "
      "the oil market's slide with something akin to joy, its leaders said."),
     "On Acme-Corp Web Sites, Joy Over Oil Crisis, Support for Smith"),
])
def test_a_title_case_headline_glued_before_the_first_sentence_is_cut(glued, head):
    other = "The lender agrees to most terms. She says it can be done, and it puts the town first."
    _assert_headline_cut(glued, head, other)


# A headline with a verb in capitals: the sentence starts at a name the cluster writes
# again, or at a word that opens sentences; a name written once keeps the headline.
@pytest.mark.parametrize("glued, head", [
    (("How the Port Failed to Warn the City About The Floods Harbor Board officials knew "
      "for weeks that the walls would not hold, records show."),
     "How the Port Failed to Warn the City About The Floods"),
    (("Town Hall: For Mayor's Legacy, Budget Looms Large What will be the most lasting mark "
      "of the mayor's eight years in office?"),
     "Town Hall: For Mayor's Legacy, Budget Looms Large"),
    (("The Keeper Should Eat Last As a sign of how far the cuts have reached, the zoo's "
      "director now skips lunch."), "The Keeper Should Eat Last"),
])
def test_a_headline_with_a_verb_in_capitals_is_cut_before_its_sentence(glued, head):
    other = "Harbor Board members met on Monday. Water rose over the walls."
    _assert_headline_cut(glued, head, other)
    # a name the cluster writes only there: where the headline ends is not sure
    once = glued.replace("Harbor Board", "Wall Street")
    if once != glued:
        assert clean_all([article(once, "a"), article(other, "b")])[0][0].text == once


@pytest.mark.parametrize("lead, other", [
    # a title with a verb that the cluster writes again is the sentence's own
    ("Former Orange Is the New Black actress Jane Roe said on Monday she would return.",
     "The cast of Orange Is the New Black met New Black fans on Friday."),
    ("Who Wants to Be a Millionaire Host John Doe said on Monday he would retire.",
     "John Doe hosted Who Wants to Be a Millionaire for years, fans said."),
    # a word that opens sentences, but capitals go on after it
    ("Oil Firms Face Ruin As Fuel Costs Soar Chief Executive Jane Roe told staff on Monday.",
     "Fuel Costs rose again, and Chief Executive pay fell."),
])
def test_a_title_in_capitals_with_a_verb_is_no_headline_to_cut(lead, other):
    assert clean_all([article(lead, "a"), article(other, "b")])[0][0].text == lead


@pytest.mark.parametrize("text", [
    # a title or a label after a name's possessive, a headline's own preposition
    "Former Vice President Al Gore's An Inconvenient Truth won the Oscar for best documentary.",
    "Inter Milan Coach Jose Mourinho's Serie A leaders beat Roma on Sunday in the capital.",
    "How the Fed Failed to Tell Obama About The Bonuses Federal Reserve officials knew of it.",
    # a word that is no pattern's ("(Updates")
    "Obama Signs Huge Stimulus Bill Into Law At Denver(Updates This is a story about the law.",
    "The Centers for Disease Control and Prevention said on Tuesday that cases rose again.",
    "United Auto Workers President Stephen Yokich is giving no sign of a deal with the makers.",
    "Treasury Secretary Timothy F. Geithner and Federal Reserve Chairman Ben S. Bernanke "
    "pressed Congress yesterday to act.",
    "Members of the European Parliament vote on a package of bills in Strasbourg.",
    # a name the headline holds, its last word (the cluster writes "Jane Smithson" elsewhere)
    "Leader Smithson Signs Farm Bill Into Law With Jane Smithson signing it on Friday at noon.",
    # names joined, the same word in both
    "The Democratic Party and the Republican Party both claimed victory in the vote.",
    "The Bank of Japan and the European Central Bank cut interest rates on Thursday.",
])
def test_a_run_of_names_is_no_title_case_headline(text):
    other = ("The agency says cases rose. Members vote today, and the union says it waits. "
             "Jane Smithson agreed.")
    cleaned, removed = clean_all([article(text, "a"), article(other, "b")])
    assert cleaned[0].text == text and not removed


@pytest.mark.parametrize("line, cleaned", [
    ("Sen. Jane Roe Jane Mary RoeRoe: the plan is dead Senators split on the budget vote MORE "
     "(D-Ohio) said on Monday that she would vote against it.",
     "Sen. Jane Roe (D-Ohio) said on Monday that she would vote against it."),
    ("The mayor, John Doe John Paul DoeDoe Jr. to run for governor Storm hits the coast MORE "
     "said the plan was dead.", "The mayor, John Doe said the plan was dead."),
    ("He wants MORE money for the schools, he said on Monday in a speech.", None),
    ("McDonald said on Monday that he wants MORE money for the schools.", None),
])
def test_a_link_widget_run_into_a_sentence_is_cut_out(line, cleaned):
    cleaned_article, removed = clean(article("The vote is on Friday.\n\n" + line))
    assert cleaned_article.text.split("\n\n")[1] == (cleaned or line)
    assert bool(removed) is (cleaned is not None)


@pytest.mark.parametrize("line, cleaned", [
    ("U.S. retailer Jane Roe Inc (ROE.N) agreed to buy shoemaker Doe Shoes DOE.L for $1.2 "
     "billion, its biggest deal.",
     "U.S. retailer Jane Roe Inc agreed to buy shoemaker Doe Shoes for $1.2 billion, its "
     "biggest deal."),
    ("Shares of Roe Group Inc. (NYSE: ROE), the brand's owner, rose 5 percent on Monday.",
     "Shares of Roe Group Inc., the brand's owner, rose 5 percent on Monday."),
    ("He works at the U.S. Dept. of State in D.C. and visits the museum (AMNH.ORG) often.",
     None),
])
def test_stock_tickers_are_cut_out_of_a_sentence(line, cleaned):
    cleaned_article, removed = clean(article("The vote is on Friday.\n\n" + line))
    assert cleaned_article.text.split("\n\n")[1] == (cleaned or line)
    assert bool(removed) is (cleaned is not None)


# A headline or caption glued before the story's first sentence, without a stop.
@pytest.mark.parametrize("glued, head", [
    ("Otters learn to knock on the glass when they want their lunch Otters at a seaside "
     "aquarium have taught each other to knock for food, keepers said.",
     "Otters learn to knock on the glass when they want their lunch"),
    ("Bird flu spreads quietly among ducks Infection control teams are testing farms "
     "across the county after two cases.", "Bird flu spreads quietly among ducks"),
    # a video's credit, before "A" after a name
    ("Anna Reed reports from Lima A 23-month-old child has died of the flu in the city.",
     "Anna Reed reports from Lima"),
    # "A" after a small-letter word
    ("Otter rescue operation ends A 23-year-old keeper has been found alive in the "
     "flooded aquarium.", "Otter rescue operation ends"),
    # a word that opens sentences, however seldom the cluster writes it in small letters
    ("Violence in the slums of Lima after the flood Almost two weeks after the flood, "
     "disease is spreading.", "Violence in the slums of Lima after the flood"),
    (("Parents say the school has everything under control Another nine cases of the flu "
      "have been confirmed in the town."), "Parents say the school has everything under control"),
    # a common noun's plural the cluster never capitalizes again, as a subject
    (("Cafes in the town have been limited to takeaway food Restaurants and bars in the town "
      "are to reopen on Wednesday, officials said."),
     "Cafes in the town have been limited to takeaway food"),
    (("British funds have been used to provide relief for the flood victims Britons have "
      "donated a total of 46m pounds to the appeal."),
     "British funds have been used to provide relief for the flood victims"),
    # "A" before a name after a name, a headline and a caption before it
    (("Flood aid Red Cross van stolen in Leeds Red Cross workers across the world have helped "
      "deliver aid to Peru A Red Cross van on its way to collect goods for the appeal has been "
      "stolen."),
     ("Flood aid Red Cross van stolen in Leeds Red Cross workers across the world "
      "have helped deliver aid to Peru")),
    # "A" after a name a verb's form comes before ("orphaned Peruvians")
    (("Volunteers run a home for 40 orphaned Peruvians A Leeds-based charity is helping to "
      "house children left alone by the flood."),
     "Volunteers run a home for 40 orphaned Peruvians"),
    # a word that opens sentences after a name
    ("Aid workers are gradually reaching Lima With up to 500 people feared dead, charities "
     "are sending aid.", "Aid workers are gradually reaching Lima"),
    # "The" and a name after a name
    ("Rescuers are among teams from many nations in Peru The EU has pledged more aid for "
     "the flooded towns.", "Rescuers are among teams from many nations in Peru"),
    # a caption with a comma before a word that opens sentences
    ("Survivors dig with their hands, looking for food and water Up to 500 troops will be "
     "in the towns by Monday.", "Survivors dig with their hands, looking for food and water"),
    # a nationality's group that acts, after a noun
    (("Many children lost their homes in the flood Mexican police have arrested five men "
      "accused of looting aid trucks."), "Many children lost their homes in the flood"),
    # a common noun that acts, after a place a preposition takes
    (("Aid has been slow to reach the families in Peru Thieves are using fake websites to "
      "steal donations, police have warned."), "Aid has been slow to reach the families in Peru"),
    # a number and the group it counts after a name that ends as a verb would
    ("Flood brings two Peruvians together in Reading Two Peruvian women who met on the radio "
     "are waiting for news together.", "Flood brings two Peruvians together in Reading"),
])
def test_a_headline_glued_to_the_first_sentence_is_cut(glued, head):
    other = ("Keepers said the otters were fed twice a day. The infection is rare, and the "
             "ducks and the otters were kept apart. Many governments and people may have died "
             "between them. The thieves were caught in Peru, and Peru is calm.")
    cleaned, removed = clean_all([article(glued + "\n\nMore of the story follows here today.",
                                          "a"), article(other, "b")])
    assert ("headline", head) in [(r.reason, r.text) for r in removed]
    assert cleaned[0].text.startswith(glued[len(head) + 1:])


@pytest.mark.parametrize("glued, head", [
    ("UK charities prepare to deliver Peru flood aid UK aid efforts are underway to help "
     "flood hit Peru, where the toll is thought to be over 500.",
     "UK charities prepare to deliver Peru flood aid"),
    ("Peru flood still dominates headlines The United Nations' warning that the Peru flood is "
     "the worst it has seen dominates the Sunday papers.", "Peru flood still dominates headlines"),
    # a nationality after a name
    ("Aid workers have reached Lima British aid workers have begun arriving in Peru to "
     "help with the rescue.", "Aid workers have reached Lima"),
    # retold by its stems ("moved", "moving") and a compound's end ("quake", "earthquake")
    (("Quake families moved from villages Peru has begun moving earthquake families into "
      "shelters in the hills, officials said."), "Quake families moved from villages"),
    # a full name the headline names too
    (("Smith and Jones on flood single Anna Smith and the Jones Band have agreed to record a "
      "charity song for the flood victims."), "Smith and Jones on flood single"),
    # the last place where the sentence may start
    ("Disasters Committee launches Peru appeal The UK's Disasters Committee has launched an "
     "appeal for the flood victims in Peru.", "Disasters Committee launches Peru appeal"),
])
def test_a_headline_glued_before_the_sentence_that_retells_it_is_cut(glued, head):
    cleaned, removed = clean_all([article(glued + "\n\nMore of the story follows here today.",
                                          "a")])
    assert ("headline", head) in [(r.reason, r.text) for r in removed]
    assert cleaned[0].text.startswith(glued[len(head) + 1:])


@pytest.mark.parametrize("text", [
    # a name's next word, whose words come back in the sentence
    "The World Bank is partnering with the European Bank for Reconstruction and the World "
    "Bank's fund to provide equity.",
    # a name's next word
    "Army veteran and District Court Judge Lou Olivera sentenced the veteran judge's client "
    "to a night in jail.",
    # a name written with a small first letter
    ("The Peru coverage was awarded with a Alfred I. duPont-Columbia Award for its coverage "
     "of the Peruvian flood and its aftermath."),
    # a first sentence that says its subject twice
    "The massive earthquake that hit Haiti on Tuesday was the most powerful earthquake to "
    "hit the region in two centuries.",
    "A strong earthquake shook Japan on Friday, the second strong earthquake in a week.",
    # a full name the words before it do not name
    ("Officials said in a statement that the letter to then president John Smith would be "
     "presented at a ceremony at the official residence."),
])
def test_a_name_inside_a_first_sentence_is_no_retold_headline(text):
    other = "The judge, Lou Olivera, spent the night in the cell with him."
    cleaned, removed = clean_all([article(text, "a"), article(other, "b")])
    assert not [r for r in removed if r.reason == "headline"]
    assert cleaned[0].text == text


def test_a_headline_with_a_kicker_and_a_caption_glued_before_a_first_sentence_are_cut():
    glued = ("Peru flood: not enough doctors A doctor operating in a makeshift hospital Between "
             "100 and 200 people may have died in the flood.")
    cleaned, removed = clean_all([article(glued + "\n\nMore of the story follows here today.",
                                          "a"), article("Many died between the towns.", "b")])
    assert cleaned[0].text.startswith("Between 100 and 200 people")
    assert "".join(r.text for r in removed if r.reason == "headline").startswith("Peru flood:")


def test_a_headline_and_a_caption_glued_before_the_first_sentence_are_both_cut():
    glued = ("Charities step up aid after the quake Delays continue to hamper getting aid to "
             "survivors Some three million people are thought to need aid after the quake.")
    other = "The delays grew, and some of the charities said so. Some aid arrived."
    cleaned, removed = clean_all([article(glued + "\n\nMore of the story follows here today.",
                                          "a"), article(other, "b")])
    assert [r.text for r in removed if r.reason == "headline"] == [
        "Charities step up aid after the quake",
        "Delays continue to hamper getting aid to survivors"]
    assert cleaned[0].text.startswith("Some three million people")


@pytest.mark.parametrize("text", [
    # a name with "The" in it, written so again in the cluster
    "The identity of Jack The Ripper may have been confirmed by a diary, researchers say.",
    # a name the cluster writes again
    "So when the Mega Millions jackpot hit a record $540 million Thursday, it was news.",
    # a grade or a label, not a glued sentence
    "The student who got an A in every class said she would study law in the fall.",
    "The new rail line will take commuters from point A to point B in under an hour.",
    "The startup raised $5 million in a series A round led by a venture firm.",
    "The vandals painted the letter A on the door of the town hall overnight.",
    "Juventus have won Serie A for the ninth year in a row after a late goal.",
    # a title after a possessive
    "A report in Britain's The Sun newspaper said the minister would resign.",
    "Peter Jackson's adaptation of Tolkien's The Hobbit will be released next year.",
    "The new virus is an influenza A virus carrying the designation H1N1, the agency said.",
    # a proper name after a small-letter word: the cluster never writes "university"
    "State police have charged six University students with underage drinking on Friday.",
    # a sentence that goes on from a verb or an adjective, as some archives capitalize
    "The British government rejected Calls on Friday for the minister to resign over it.",
    "The formation of a new International body was announced today by the delegates there.",
    # a comma before a capital that is no sentence's opening
    "In the capital, officials said the Army would help with the rescue of the trapped.",
    # a nationality after an adjective, or after no article
    "Government spokesman John Roe said that the senior Libyan officials had met US envoys.",
    "Nearly a dozen aircraft and even Libyan civilians worked to rescue the two airmen.",
    # a name's plural form, or a name the sentence goes on to
    "The storm that has hit Texas and the rest of the South left thousands without power.",
    "Fans who had come to see Rangers and their rivals waited in the rain for hours.",
    # a number that is a name's
    "The interview with the minister aired on Channel Four News tonight after the vote.",
    "Shares in the Big Four Australian banks fell sharply on Monday after the report.",
    # a title whose first word ends as a verb would
    "Former House Majority Leader Tom DeLay will compete on Dancing With the Stars this fall.",
    # a month after a small-letter word
    "The agency will send observers to the country to monitor May elections there soon.",
    # "A" of a name's own: "Plan A", "Type A"
    "The council said the city would adopt Plan A for the new bridge over the river.",
])
def test_a_capital_inside_a_first_sentence_is_not_a_glued_headline(text):
    other = ("Calls for reform grew. The international community and calls and may and spring."
             " Jack The Ripper killed five women in the city, the police said at the time."
             " The Mega Millions jackpot grew.")
    cleaned, removed = clean_all([article(text, "a"), article(other, "b")])
    assert not [r for r in removed if r.reason == "headline"]
    assert cleaned[0].text == text


@pytest.mark.parametrize("line, rest", [
    ("The WHO office for Africa said here Monday it was preparing a program.",
     "The WHO office for Africa said Monday it was preparing a program."),
    ("Vietnam and the World Bank signed here on Thursday two credit agreements.",
     "Vietnam and the World Bank signed on Thursday two credit agreements."),
    ("\u201cI was born here,\u201d he said here last week at the rally.",
     "\u201cI was born here,\u201d he said last week at the rally."),
    # the speaker's own word, and a place that is part of what is said, stay
    ("He said: \"We came here today to win.\"", "He said: \"We came here today to win.\""),
    ("Lenovo is here at CES with a desktop of its own.",
     "Lenovo is here at CES with a desktop of its own."),
])
def test_the_datelines_here_before_a_time_goes(line, rest):
    a, removed = cleaned(BODY + "\n\n" + line)
    assert a.text.split("\n\n")[-1] == rest
    assert ("here" in removed) == (line != rest)


@pytest.mark.parametrize("text, joined", [
    ("an environmentally- friendly means of pest control", "an environmentally-friendly means"),
    ("the city is well- prepared for a flood", "the city is well-prepared"),
    ("oak- and pine-covered hills", "oak- and pine-covered hills"),
    ("a risk three- to six-fold higher", "a risk three- to six-fold"),
    ("her son - just a year old- with her", "a year old- with her"),
])
def test_a_word_broken_at_a_wrapped_hyphen_is_joined_and_a_waiting_one_is_not(text, joined):
    assert joined in clean(article(text + "."))[0].text


@pytest.mark.parametrize(("text", "clutter"), [
    ("Freed aid workers Jan Novak, from left, Petra Holm and Omar Said pose at the airport on "
     "Monday.", True),
    ("Team captain Ellen Marsh (left) and coach Dario Fenn celebrate after the final.", True),
    ("Pictured from left to right: the finance ministers of Spain, Italy and Greece.", True),
    ("My taxi tilted from left to right as the ground shook.", False),
    ("The party moved from left to centre under its new leader, critics said.", False),
])
def test_a_photos_people_named_in_a_row_are_a_caption(text, clutter):
    from storyline.brief.clean import is_clutter

    assert is_clutter(text) is clutter


# A caption glued before a first sentence that opens on "The" (capitalized inside a
# sentence only in a name).
@pytest.mark.parametrize("glued, rest", [
    ("Aid workers say families share food more fairly at home The agency has begun a "
     "large food distribution in the capital on Monday.", "The agency has begun"),
    ("Villagers dig with their bare hands, looking for water The council has sent three "
     "tankers to the valley after the storm.", "The council has sent"),
    ("Students at the college were given advice about the flu Seventeen new cases of flu at "
     "the college have been confirmed by health officials.", "Seventeen new cases"),
    # a kicker's colon, a headline's quotation closed, a modal verb
    ("In depth: the valley's flood crisis The agency has described it as the worst flood "
     "it has seen in the region.", "The agency has described"),
    ("` Very bad ' conditions in the valley's hospitals The aid group has warned that the "
     "hospitals are running short of beds.", "The aid group has warned"),
    ("The flood crisis lays bare the valley's weak defences The river's rise should alert "
     "us to how little the dams can hold.", "The river's rise should"),
    ('Dr Jane Roe said the flood would be of" moderate size" The council has declared an '
     "emergency in the valley after an overnight meeting.", "The council has declared"),
    # a headline that ends on a phrasal verb's particle
    ("Dozens of aid workers remain unaccounted for The agency has held a memorial service "
     "in the capital for its workers.", "The agency has held"),
])
def test_a_caption_glued_before_a_sentence_opening_on_the_or_a_number_is_cut(glued, rest):
    from storyline.brief.clean import _before_the

    assert _before_the(glued) == glued.index(rest)
    cleaned, removed = clean_all([article(glued + "\n\nMore of the story follows here.", "a")])
    assert cleaned[0].text.startswith(rest)
    assert [r.text for r in removed] == [glued[:glued.index(rest) - 1]]


@pytest.mark.parametrize("text", [
    "Two reporters for The Daily Courier, including its editor, are missing in the valley.",
    "Earlier versions of this article, in the print edition of The Courier, gave the wrong day.",
    "The identity of Jack The Ripper may have finally been confirmed, new evidence suggests.",
    "The band's long-time guitarist The Edge told the radio station the song was written.",
    "Flood victims are still waiting for The Red Cross has promised to send more tents.",
    "Relatives of the victims have called for The Hague to investigate the deaths of civilians.",
    "Fans of the old rock band Three Dog Night say the reunion tour has sold out.",
    # a quotation's lead-in: a speaker's colon, an open quotation
    "The mayor said of the flood: The worst is over, and the council will rebuild the bridge.",
    "Aid workers in the flooded valley say The Salvation Army can do more for the families.",
    "\"We are doing all we can to help the families The council has sent tankers,\" she said.",
])
def test_a_name_with_the_inside_a_first_sentence_is_no_caption(text):
    from storyline.brief.clean import _before_the

    assert _before_the(text) is None


# A caption or a subhead glued before the first sentence of any paragraph.
@pytest.mark.parametrize("glued, rest", [
    ("The moment six-year-old Ana Ruiz emerged in the arms of a rescuer On Sunday, five days "
     "after the flood, rescuers saved two children.", "On Sunday, five days"),
    ("The town's large church was reduced to rubble Fewer than 20% of buildings remain "
     "standing in the town.", "Fewer than 20%"),
    ("VALLEY APPEARS TO WANT ONLY A SUPPORTING ROLE The next phase of planning for the "
     "valley would start in the capital on Thursday.", "The next phase"),
])
def test_a_caption_or_subhead_glued_inside_the_text_is_cut(glued, rest):
    text = ("Mexico said on Monday the flood had passed.\n\nThe river fell on Tuesday, and "
            "people went home.\n\n" + glued)  # (a third paragraph: no headline's place)
    cleaned, removed = clean_all([article(text, "a")])
    assert cleaned[0].text.split("\n\n")[2].startswith(rest)
    assert [r.text for r in removed] == [glued[:glued.index(rest) - 1]]


@pytest.mark.parametrize("text", [
    # (the rule's pattern finds these two: its guards turn them down)
    "Ana Ruiz, who starred in the film Never On Sunday, died in the valley on Monday at 73.",
    "IN THE END The valley flooded again, and nobody came to help the families there.",
    "FOR MORE THAN A decade, the valley has flooded every spring and nobody came to help.",
])
def test_a_titles_capitals_or_a_sentences_own_are_no_caption(text):
    cleaned, removed = clean_all([article("The flood passed on Monday.\n\n" + text, "a")])
    assert cleaned[0].text.endswith(text) and not removed


@pytest.mark.parametrize("text, joined", [
    ('"The strikes will go on," said NATO Lt.-Gen.\nJohn Roe, in Naples.', True),
    ("In 1994 he ran for leader but lost to then-Sen.\nJane Doe (D-Ore.) by one vote.", True),
    ("The vote came after the shooting in Littleton, Col.\nJones said the schools wait.", False),
    ("He spoke at a rally for Dr.\nThe crowd left at noon.", False),
    ("The man lived in the 400 block of Oak Hill Dr.\nPolice said he was armed.", False),
    ("He was a former Marine Maj.\nOfficials said he served twice.", False),
])
def test_a_name_split_from_its_title_is_one_sentence_again(text, joined):
    got = clean(article("The talks ended on Monday.\n" + text))[0].text
    assert (text.replace("\n", " ") in got) is joined
    assert joined or text.replace("\n", "\n\n") in got
    # (a blank line ends a paragraph: two paragraphs are not joined)
    apart = clean(article("The talks ended on Monday.\n\n" + text.replace("\n", "\n\n")))[0]
    assert text.replace("\n", " ") not in apart.text


def test_a_ticker_split_at_its_period_is_one_sentence_again():
    text = ("Drug maker Acme (ACME.\nVX) will not give free vaccines to poor countries, a "
            "newspaper reported on Sunday.\nShares rose.")
    assert clean(article(text))[0].text.startswith(
        "Drug maker Acme (ACME.VX) will not give free vaccines to poor countries,")
    # (one whose exchange `_TICKERS` knows is then cut, as any such ticker is)
    spaced = "Oil group Acme (ACM. L) said on Monday it had signed a contract."
    assert clean(article(spaced))[0].text.startswith("Oil group Acme said on Monday")


# A page's photos before the story go to its last credit, when what stands between is as
# short as captions; a lead and its next paragraph above a photo are the story.
@pytest.mark.parametrize("page, story", [
    (("(By Jane Roe -- Associated Press) The front of the exchange, where shares fell.\n\n"
      "The index is off 36 percent this year; savers are anxious.\n\n(By John Doe -- "
      "Bloomberg News) A senator, chairman of the committee, held a hearing on pensions. (By "
      "Ann Poe -- Associated Press) For many Americans, pensions were supposed to be safe."),
     "For many Americans, pensions were supposed to be safe."),
    (("(By Jane Roe -- AP) The Senate passed the $700 billion rescue plan late on Wednesday "
      "after two weeks of talks, and the House is to vote on it on Friday.\n\nLeaders of both "
      "parties said the vote would be close, and that many members had yet to decide.\n\n(By "
      "John Doe -- Bloomberg News) Traders watched the vote. Stocks rose."),
     "The Senate passed the $700 billion rescue plan"),
])
def test_a_pages_photos_before_the_story_go_to_its_last_credit(page, story):
    cleaned_, _ = clean_all([article(f"{page}\n\n{BODY}", "a")])
    assert cleaned_[0].text.startswith(story)


def test_a_caption_without_its_stop_glued_further_down_goes_before_a_word_that_opens():
    """Further down a page, a caption, pull quote or link's title glued before a word that
    opens sentences goes, "The", "According to" and "But" among them; a number, or a name
    after a title's noun, stays."""
    body = ("Rescuers reached the valley on Monday.\n\nThe road was cut.\n\nAid is slow.\n\n"
            "Husband of missing reporter speaks out While Roe did not mention the others, the "
            "paper said all four would be freed.\n\nFamilies shelter in a school Many are "
            "spending another night without a roof.\n\nOther cases included five Year Seven "
            "pupils at the town's school who were off sick on Friday.\n\n"
            "Alleged fraud victim leaves the country The court deported her despite repeated "
            "requests from the refugee agency.\n\nDoctors struggle in a town under water "
            "According to the mayor, the clinic has run out of bandages.\n\nHe read it in the "
            "weekly magazine The Valley Voice at his home on Sunday.")
    cleaned_, removed = clean_all([article(body, "a")])
    for kept in ("\n\nWhile Roe did not mention", "\n\nMany are spending",
                 "\n\nThe court deported her", "\n\nAccording to the mayor",
                 "Other cases included five Year Seven pupils",  # (a number)
                 "He read it in the weekly magazine The Valley Voice"):  # (a title's name)
        assert kept in cleaned_[0].text
    assert [r.text for r in removed if r.reason == "caption"] == [
        "Husband of missing reporter speaks out", "Families shelter in a school",
        "Alleged fraud victim leaves the country", "Doctors struggle in a town under water"]


@pytest.mark.parametrize("text", [
    "Police said a prominent Egyptian activist was arrested at his home in Cairo on Sunday.",
    "Officials said the interim Libyan government has asked for more help from its allies.",
    "Ephron wrote the romantic comedy When Harry Met Sally and several other films.",
    "He said he first heard the song While My Guitar Gently Weeps on the radio as a boy.",
    "A new production of Charles Dickens's A Christmas Carol opens at the theatre next week.",
    "Thousands of workers at General Motors are expected to return to work on Monday.",
    "Recent polls in Egypt show Christians are worried about the new constitution.",
    "Hong Kong police said tourists visiting Hong Kong were warned to avoid the protests.",
    ("United States Secretary of State John Kerry and Chinese President Xi Jinping met in "
     "Beijing on Saturday to discuss the state of relations."),
])
def test_titles_names_and_groups_inside_a_sentence_are_no_glued_caption(text):
    other = ("The state of the talks was good. Christians and others voted. Workers said "
             "motors and engines were built there. The police stated it. Visiting was banned.")
    cleaned_, removed = clean_all([article(f"{text}\n\nMore of the story follows here.", "a"),
                                   article(other, "b")])
    assert cleaned_[0].text.startswith(text)
    assert not [r for r in removed if r.article == "a"]


@pytest.mark.parametrize("text", [
    "The documentary When the Levees Broke was shown on television again last night.",
    "She read the novel About a Boy twice before she met its author in London.",
])
def test_a_title_further_down_a_page_is_no_glued_caption(text):
    body = f"Rescuers reached the valley on Monday.\n\nThe road was cut.\n\nAid is slow.\n\n{text}"
    cleaned_, removed = clean_all([article(body, "a")])
    assert cleaned_[0].text.endswith(text) and not removed


def test_a_photographers_role_is_no_name():
    a, _ = cleaned("Title\n\nPhotograph: Reuters/Stringer Mexico City lowered its alert level "
                   "on Monday.")
    assert a.text.startswith("Mexico City lowered")


def test_a_wire_dateline_after_a_glued_caption_goes_with_it():
    text = ("Senator Jane Roe meets with local business leaders at a diner in Columbia, Mo. "
            "(By John Doe -- The Washington Post) BELTON, Mo., Oct. 20 -- Battling the governor "
            "for the nomination in 2000, Roe lashed out at his proposed tax cuts.\n\n"
            "She spoke for an hour on Monday.")
    (a,), removed = clean_all([article(text)])
    assert a.text.startswith("Battling the governor for the nomination in 2000, Roe lashed out")
    assert [r.reason for r in removed] == ["caption", "dateline"]


_LINKS = ("Jane Roe of the Budget Institute argues that the grant program has paid for itself.\n\n"
          "John Doe and Mary Major note that cheaper freight would help inland ports.\n\n"
          "A task force of retired admirals proposes a smaller navy.")
_POSTS = (("Banks lent to one another against bonds until the bonds looked risky.\n\n"
           "Then lenders asked for more collateral and the lending stopped.\n\n"
           "Prices fell as banks sold what they held.\n\nThe spiral fed itself for a year."),
          ("Wages at the top grew fast for thirty years while the middle stood still.\n\n"
           "Households borrowed to keep up.\n\nThe savings of the rich went looking for "
           "yield.\n\nLenders found it in mortgages."))


def test_an_opening_two_pages_share_and_neither_tells_is_a_template():
    cleaned_, removed = clean_all([article(f"{_LINKS}\n\n{_POSTS[0]}", "a"),
                                   article(f"{_LINKS}\n\n{_POSTS[1]}", "b")])
    assert [a.text for a in cleaned_] == list(_POSTS)
    assert [r.reason for r in removed] == ["shared opening"] * 6


def test_a_lead_two_versions_of_a_story_share_stays():
    lead = ("Banks stopped lending to one another on Monday as the value of their bonds fell.\n\n"
            "The lending between banks had run on bonds as collateral.")
    pages = [f"{lead}\n\n{post}" for post in _POSTS]
    cleaned_, removed = clean_all([article(pages[0], "a"), article(pages[1], "b")])
    assert [a.text for a in cleaned_] == pages and not removed


@pytest.mark.parametrize(("opening", "second"), [
    (_LINKS, f"{_LINKS}\n\n{_POSTS[0]}"),  # a copy of the page
    (_LINKS, f"{_LINKS}\n\nBanks lent to one another against bonds."),  # going on too short
    ("\n\n".join((f"Panel {n} of the institute argues that the grant program paid for itself "
                 f"in year {n}.") for n in range(1, 25)), None),  # a whole story's length
])
def test_copies_and_pages_going_on_from_a_whole_story_keep_their_opening(opening, second):
    first = f"{opening}\n\n{_POSTS[0]}"
    if second is None:
        second = f"{opening}\n\n{_POSTS[1]}"
    _, removed = clean_all([article(first, "a"), article(second, "b")])
    assert not [r for r in removed if r.reason == "shared opening"]


def test_a_lead_the_cluster_tells_again_stays_though_two_pages_go_on_differently():
    lead = "Senators passed a rescue of the banking industry after a long debate."
    pages = [f"{lead}\n\n{_POSTS[0]}", f"{lead}\n\n{_POSTS[1]}",
             ("The banking rescue passed the Senate after a long debate among senators.\n\n"
              "It goes to the House next.")]
    cleaned_, removed = clean_all([article(p, str(i)) for i, p in enumerate(pages)])
    assert [a.text for a in cleaned_] == pages and not removed


def test_a_lead_that_dates_its_news_stays_though_two_pages_go_on_differently():
    lead = "Senators passed a rescue of the banking industry on Wednesday night."
    pages = [f"{lead}\n\n{_POSTS[0]}", f"{lead}\n\n{_POSTS[1]}"]
    cleaned_, removed = clean_all([article(pages[0], "a"), article(pages[1], "b")])
    assert [a.text for a in cleaned_] == pages and not removed


def test_a_template_goes_from_every_page_whatever_their_order():
    one, other = f"{_LINKS}\n\n{_POSTS[0]}", f"{_LINKS}\n\n{_POSTS[1]}"
    for order in ([one, one, other], [one, other, one], [other, one, one]):
        cleaned_, _ = clean_all([article(p, str(i)) for i, p in enumerate(order)])
        assert all(not a.text.startswith(_LINKS[:20]) for a in cleaned_)


def test_a_lead_two_versions_share_stays_when_they_go_on_alike():
    lead = "Rebel leaders expect foreign powers to lend them money secured against frozen assets."
    rest = ("A finance official said spending ran near a hundred million dinars daily.\n\n"
            "The economy depends almost entirely on oil and exports stopped in February.\n\n"
            "Liquidity will carry us three weeks, he told reporters in Benghazi.")
    pages = [f"{lead}\n\n{rest}", f"{lead}\n\n{rest}\n\nHe spoke at a news conference."]
    pages[1] = pages[1].replace("near a hundred million dinars", "near 100 million dinars")
    cleaned_, removed = clean_all([article(pages[0], "a"), article(pages[1], "b")])
    assert [a.text for a in cleaned_] == pages and not removed


def test_a_link_title_glued_before_a_count_of_minutes_later_further_down():
    body = ("Rescuers reached the valley on Monday.\n\nThe road was cut.\n\nAid is slow.\n\n"
            "Rebels advance on the coastal town Ten minutes later, the bus drove into a "
            "firefight outside the town.")
    cleaned_, removed = clean_all([article(body, "a")])
    assert cleaned_[0].text.endswith("\n\nTen minutes later, the bus drove into a firefight "
                                     "outside the town.")
    assert [r.reason for r in removed] == ["caption"]


def test_a_count_further_down_without_its_time_later_is_no_glued_title():
    body = ("Rescuers reached the valley on Monday.\n\nThe road was cut.\n\nAid is slow.\n\n"
            "Rebels advance on the coastal town Ten people died there later, medics said.")
    cleaned_, removed = clean_all([article(body, "a")])
    assert cleaned_[0].text == body and not removed


def test_a_gallerys_double_credit_ends_the_caption_above_it():
    body = ("Leaders met in the capital on Sunday to agree on a rescue plan for the banks.\n\n"
            "The talks lasted eleven hours and ended with a joint statement.\n\n"
            "Markets are expected to rise when they open on Monday morning.\n\n"
            "From left, the finance ministers of three countries wait for the talks to begin.\n\n"
            "(AP Photo/Jane Roe, Pool) (Jane Roe - AP) The plan guarantees new bank debt "
            "for three years, officials said.")
    a, removed = cleaned(body)
    assert "From left" not in a.text
    assert a.text.endswith("\n\nThe plan guarantees new bank debt for three years, officials said.")
    assert removed["From left, the finance ministers of three countries wait for the talks to "
                   "begin."] == "photo caption or credit"


def test_a_gallerys_double_credit_at_the_pages_top_ends_its_header():
    body = ("Europe Agrees On Bank Plan Two ministers listen at a press conference on Saturday.\n\n"
            "The ministers meet a day before the summit on the crisis.\n\n"
            "(AP Photo/Jane Roe, Pool) (Jane Roe - AP) PARIS, Oct. 12 -- Governments took "
            "unprecedented steps on Sunday to rescue the banks.\n\n"
            "The plan guarantees new bank debt for three years.")
    a, _ = cleaned(body)
    assert a.text.startswith("Governments took unprecedented steps on Sunday")


def test_a_photos_credit_by_a_photographer_is_cut_before_the_lead():
    a, _ = cleaned("Title\n\n(Photos By Jane Roe -- The Washington Post) Officials from 20 "
                   "countries endorsed a plan on Saturday.\n\nThe talks went on all day.")
    assert a.text.startswith("Officials from 20 countries endorsed")


def test_a_paragraph_that_ends_on_a_photographers_credit_is_a_caption():
    page = article("The mayor has named Jane Roe as the city's new police chief. (John Doe/The "
                   "Daily Planet)\n\nThe mayor named Jane Roe police chief on Monday, ending a "
                   "search of six months. Roe thanked the council (D-Ohio) and the union (AFL/CIO)."
                   "\n\nThe chief was sworn in. (Ann Poe / For The Times)"
                   # (not a poll's, a syndicate's, a publisher's or a senator's brackets)
                   "\n\nMost voters backed the plan in March. (ABC News/Washington Post)"
                   "\n\nThe column ran in 40 papers. (Los Angeles Times/TNS)"
                   "\n\nThe memoir sold well. (Random House/Knopf)"
                   "\n\nThe bill passed the Senate. (Sen. John Cornyn/R-Texas)")
    sentences = split_all([clean(page)[0]])
    captions = credited(sentences)
    assert [s.text[:12] for k, s in enumerate(sentences) if k in captions] == [
        "The mayor ha", "(John Doe/Th", "The chief wa", "(Ann Poe / F"]

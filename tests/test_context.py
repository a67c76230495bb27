"""brief.context: what a sentence needs from the sentences before it, and the brief
that honours it (no sentence leaning on one it lacks, no quotation without its speaker,
no surname before the full name)."""

import pytest

from storyline import Options, summarize
from storyline.brief.context import (
    Names,
    inside_quotation,
    needs,
    opens_quotation,
    read,
    says_who,
    voiced,
)


@pytest.mark.parametrize("text", [
    "He said the talks would resume on Monday.",
    "But the plan failed within a week.",
    "The two were arrested at the border.",
    "One of the suspects was released on bail.",
    "A year earlier, the company had listed its shares in London.",
    "The actress later apologized for the remark.",
    "“We will not stop,” he said.",
    "He’s still wonderful and I thought this would go to him.",   # a contraction
    "That's why the vote was delayed.",
    "Third, weeks later the president fired him.",                 # a list goes on
    "Finally, the court ruled against the city.",
    "Notwithstanding, the board approved the plan.",
    "The system was designed to keep small children away from air bags.",
    "The press conference was attended by two consultants.",
    "If so, then any of us could have been there.",
    "The committee's version described evolution as a unifying concept.",
    "The board adopted a modified version of the standards.",
    "No, he has not restored the country to prosperity.",
    "2) Qua economics, the proposal looks a lot better.",
    "(As a measure of how fast the population grows, the 6th billionth person is only 11.)",
    "“This argument is absurd, since nobody speaks it,” they write in the filing.",
    "“The team has done extraordinarily well,” the general said.",  # which general?
    "The worker shut the door quietly and called 911.",
    "Sources said the fighter pilots defected rather than fire on protesters.",
    "Moments later, the car pulls to the side of the road.",
    "At a news conference Friday she called malaria a cause of human suffering.",
    "Inside, they are a little different.",                       # they, after one word
    "None seems to work for all.",                                # none of which?
    "If anything they slow the footage to see it more clearly.",  # a qualification
    "Each wanted to adopt eight children.",                       # each of whom?
    "Even more alarmingly, the government is presiding over a default by the banks.",
    "Each advertisement was scored on a scale of one to ten.",     # each of which?
    "Born in 1950, he moved to Paris as a child.",                # who was born?
    "Some 200 of them were moved to a school in the next town.",   # of whom?
    "Two-thirds of them said they would vote again.",
    "Given this, the industry has grown too big.",  # given what?
    "White House spokesman Jane Roe said Friday.",  # said what?
    "Roe said.",
    "Jane Roe said Friday night.",
    "Police spokesman John Doe said in a statement.",
    "Nor did the board approve the budget.",  # nor what?
    "Next thing is you have to say what you are praising.",  # next after what?
    "The next step is to train the staff.",
    "Right now, she has most of it in bonds.",  # who?
    "Rather than buying bonds, they would have bought houses.",
    "In light of this, the board postponed its vote.",
    "Now that is about to change for the lenders.",  # what is?
    "Ah, but she won't, not at conferences or at dinner parties.",
    "Oh, and the mayor also raised money for the campaign.",
    "As awful as that headline is, things get worse in the report.",  # which headline?
    "Not even in a quiet moment at home, giving her first interview since the crash.",
    "Some of its commanders suspect the colonel might be hiding inside.",  # whose?
    "Put another way, the long quiet period was a product of safe deposits.",  # put what?
    "Known by critics as the gag rule, its scope was widened in January.",
    "In one case (a man in his 50s), a tumor was preserved.",
    "Both offered luxury service for a wealthy few.",
    "New tenders exceed the total of the last three years, the satement added.",  # added to what?
    "\"Other options are being discussed,\" another diplomat said.",  # another than who?
    "\"We will not give up,\" said another rebel.",
    "No one was hurt, said the official with the city's trade commission.",
    "In recent years, those working women could often be found on red carpets.",
    "“Those two facts are a match of the 1900 heist,” the newspaper reported.",
    "Eastwood's film will leave such people vaguely uneasy.",     # people of which kind?
    "Chavez criticized such policies during the campaign.",
    "“These are the earliest recorded uses of a poison gas,” the historian said.",
    "In 1984 she gave birth to a son with a clubfoot.",
    "Putin explained that he had won the car in a lottery, but few people believed that.",
    "Oculus will continue operating independently within Facebook to achieve this.",
    "Other hits included two singles and a cover.",               # other than which?
    "The legislation, passed last spring, bans the practice.",    # an aside after "the X"
    "The plan was approved on Monday, she pledged.",
    "Here's how the paper ended up at that number.",              # a demonstrative inside
    "Sales rose sharply in those months.",
    "While this group backed him by 44 points, it now supports him by 22.",
    "“The question is how hard he will fight,” the Michigan Democrat said.",  # who is that?
    "The vote was close, the official said on Monday.",
    "Egyptian authorities hotly dispute that theory.",            # a demonstrative anywhere
    "A dozen years later the apes continue to perform this gesture.",
    "Officials said that these rules apply to every school.",
    "Worse, it is evolving to resist many treatments.",
    "For example, the campaign answered within minutes.",
    "Three of them - two women and a man - died in their 20s.",
    "Plus, at $15 for 40 doses, it is cheaper than coffee.",
    "Any other building was private, an adviser said.",
    "“Welfare institutions are less than ideal places,” said the minister.",
    "The building starts a new settlement, the group said.",
    "In one case, the Obama administration responds with military force.",
    "In both cases, the courts refused to hear the appeal.",
    "In the other scenario, the ice could melt more slowly.",     # the other than which?
    "Now, in the Treasury's stately conference room, she was being pushed hard.",
    "NATO began bombing military targets a short time later.",
    "The rebels took the town back two days later.",
    "The result: the biggest one-day rally on stock markets in 70 years.",
    "Not yet, said Efraim Levy, an equity analyst.",
    # the answer to a question the page asked before ("Do pigs have it?")
    "At least not yet, and pork producers are doing all they can to keep it out of herds.",
    "Now, it seems, those parachutes may not open in time.",
    "A hospital spokesman said the female worker fell ill at work on Wednesday.",
    "“We buried nine people so far,” the witness said.",
    "He served as a cadet in 2010, and his loss is being felt here deeply.",
    "The cabinet here approved a bill on Wednesday banning smoking in public places.",
    # the end of a quotation an earlier sentence opened
    "With solar energy, the advantage is that there are a lot of houses.''",
    "Protected -- protected -- from the interference of government.''",
    "That is all we can say for now,” said Angelay.",
    "Of the 10, four have trial dates already slated in Germany this year.",
    "Further, the station revealed that new information has been found.",
    "The Republican made his comment in an interview that aired Friday.",
    # the writer points at the rest of the page
    "As we noted above, the U.S. Copyright Office has not addressed the issue.",
    "The figures (see below) show a fall.",
    "Gillibrand won the above special election by a wide margin in 2009.",
    # a clause and its main clause whose subjects are both pronouns
    "If it is oil, it's not the first oil slick detected as part of the search.",
    "When she and friends checked his apartment they found some clothes missing.",
    "Although it may seem a disadvantage to be shorter, in fact, it helped early humans.",
    "One would create about 15,000 new housing vouchers for low-income tenants.",
    "Five more were killed on Tuesday in the same district, officials said.",
    "Three other states also had traffic deaths that were blamed on the storm.",
    "\u201cThat\u2019s when I went straight to the station and told them,\u201d said Roe.",
    "\"That is why we are doing it in Chicago,\" says Jane Roe, who produces the shows.",
    "At the county hospital, for example, an average of nine births occur daily.",
    "During the past month, that number has increased by three births a day.",
    "The reference to the justice was to the late judge whom the nominee replaced.",
    "It was the first crash ever of the sleek jet, once the pride of French aviation.",
    "It was the largest ever single-day point drop for the Dow.",
    "A little over a year later, Balin quit the group after a row.",
    "Three years later, Barrett said that he had made everything up.",
    "Officials at the time promised a 12 percent increase in February.",
    "Now, however, leading Republicans are against the plan.",
    "Aside from that, only 63 percent of residents voted in the election.",
    "Certainly, Nixon couldn't have made it through the primaries today.",
    "If passed, the third line of the anthem will change to all of us.",
    "Apparently, it's stealing its fire from somewhere else.",
    # "that" stands for what was told before
    "Corey Gentry, his friend, described that as \"unusual behavior.\"",
    "Maybe brands subconsciously realize that, because their pranks are tame.",
    # a pronoun after an opening of time that stands anyway
    "Last spring, he reached an agreement with the Pala Band of Mission Indians.",
    "Of the $31,213, Americans will spend $14,006 on a venue.",
    "In unrelated cases, prosecutors charged two women on Friday.",
    # like one told before
    "Climate experts have suspected that steady warming might have a similar effect.",
    "Users of the phone are still seeing the same problems.",
    "At least they're amusing themselves with fake ways to hail cars.",
    "Definitely, the battery drainage seems to be a problem still.",
    # a sum, the worst of a list, figures and a body's short name told before
    "In all, the mayor is proposing $290 million for the parks.",
    "In the most serious incident, a ferry ran aground in 1970 off the coast.",
    "It's possible the numbers could go higher.",
    "The Corps scheduled a news conference on the regulations for Monday.",
    "The committee's standards list evolution as a cornerstone of science.",
    # one of things told before after an opening phrase; a day told before
    "In November 2009, one of the tickets he bought hit the jackpot.",
    "Frank was reported missing that day and the alert went out.",
    # a person told before, in an opening phrase; things told before, as the subject
    "For him, it's not just a movie.",
    "In it, Petra Holm says the dam will be rebuilt.",
    "Under it, Petra Holm will lead the council.",
    "Some work for a few families.",
    # other than, as well as, beyond what was told before
    "At least three other Navy sailors were injured in the collision.",
    "Vogt-Roberts knows what to do with actors too.",
    "His links may go back further still.",
    # someone only an earlier sentence names (the readers of ab_eleventh kept this one
    # after the sentence that names her; Multi-News dev hf_mn_val_576 told it after another)
    "Police said her injuries were not life-threatening.",
    # ... when a group that speaks opens the sentence, whatever words stand before it
    "Rescuers said she had survived by drinking water from a bath.",
    "Lottery officials said he chose to take his winnings in one payment.",
    "Officials said it seemed he had become trapped by an aftershock.",
    # a group only an earlier sentence names
    "The temperature inside their capsule will be about 50 degrees.",
    "In exchange, they dropped the language on the surplus.",
    "A fire was raging near their homes on Monday.",
    "Despite their efforts, the fire spread to the hills.",
    # someone known by age alone
    "For the 22-year-old, an avid football fan, the odds have just improved.",
    "Police in Texas said the 22-year-old had been arrested on Sunday.",
    # a connective after the first phrase, a count of things told before, an estimate told
    "Unlike swine flu, however, it can be grown easily in hens' eggs.",
    "Two were boarded, but none were diverted.",
    "The 4.9 billion estimate would be significantly lower without the switch.",
    # a pronoun after a word of time with no comma, a relative clause set as a sentence
    "Now it's coming back _ in 83 days, to be precise.",
    "Today he lives with three steel rods attached to his spine.",
    "Which is a good thing for ``Star Wars'' creator George Lucas.",
    "Which, as you may have noticed, isn't \"no.\"",
    "The Oscar winner's line of $7 panties and $18 bras went on sale at Target stores.",
    # a contrast or a sequel to what was told: "on the other hand", "A second ... also"
    "Generation X, on the other hand, is coming of age with no clear sense of identity.",
    "Now, it's coming back in 83 days.",
    "It seems to be working with Russia's disillusioned voters.",
    "Which prompts any fan to pose the next question: Does he drink the milk first?",
    "The Nobel Peace Prize laureate was released on Monday.",
    "It was also revealed Friday that an inspection was skipped that day.",
    "A second Norwegian vessel carrying the rescue craft \"LR-5\" is also expected to arrive.",
    # a participle's phrase led by its adverb, whose subject the sentence never names
    "Slowly handing over his brother's papers to a clerk, he was told to wait.",
    # a share of people told before, with its qualifier: of whom?
    "More than 300 of them, all veterans of the war in the Pacific.",
    "Nearly all of them voted for the plan last year.",
    # a pronoun in an opening clause that no name after it stands for
    "After she was hired, her office was moved to the third floor.",
    "While they argued about the plan, their office stayed closed for a week.",
    # a reply to a question the sentence does not ask
    "“I just want a house,” Mr. Roe replied.",
    "“Not this year,” the minister retorted, “and not the next.”",
    # a word's meaning, for the word the sentence before used
    "To alter something means “to make different in some particular.”",
    "The term “swatting” refers to a hoax call that sends police to a home.",
])
def test_openings_that_lean_on_an_earlier_sentence(text):
    assert needs(text).antecedent


@pytest.mark.parametrize("text", [
    "The Syrian Democratic Forces began an offensive on Monday.",
    "Two people were killed in the blast on Monday.",
    "The 2010 census found that the city had grown by a tenth.",
    "Six is the highest level on the WHO's scale for a pandemic.",  # a number named
    "SUVs sit high above the road and, therefore, tend to lean more in turns.",  # its own
    "The 1500 meters was won by a Kenyan runner on Sunday.",
    "It is unclear whether the talks will resume.",
    "Now it is unclear whether the talks will resume.",
    "The Oscar winner Jim Broadbent is tipped to play her husband Denis in the movie.",
    "Myanmar renewed threats to deport Aung San Suu Kyi, the Nobel laureate.",
    "A second vessel arrived at the scene on Saturday.",
    "A second-degree murder charge was also filed against the driver.",
    "A third of the country's households also lack running water.",
    "Some 200 families were moved to a school in the next town.",
    "Two-thirds of the voters said they would vote again.",
    "Given that the economy is weak, banks lend less.",
    "Right now, the market is calm.",
    "In light of this week's shooting, the school district canceled classes on Friday.",
    "Now that the rains have come, farmers can plant their fields again.",
    "Not even two weeks after taking office, the mayor resigned on Friday.",
    "Nor'easter storms battered the coast on Monday, cutting power to 200,000 homes.",
    "Exports could prove weaker than Governor Jane Roe says.",
    "Visibly shaken, Mayor Jane Roe told reporters the boat had capsized.",
    "Yesterday it emerged that the bank had lost 2 billion pounds.",
    "Today it was announced that the factory would close.",
    "It turns out that the diuretic had masked the muscle she had built up.",
    "Which way the Supreme Court will rule remains unclear.",
    "Obama, the Nobel laureate, defended the war.",
    "The Tony winner, Lin-Manuel Miranda, will host the show.",
    "A third school in London has closed after a pupil fell ill.",
    "Which new play has provoked the most attention in the British theater so far this year?",
    "Some work remains to be done on the bridge.",
    "Each year banks receive a rating from federal regulators.",
    "Each year, the prize goes to a young writer.",
    "Founded in 1900 by a mining company, Kiruna has been an industry town for a century.",
    "In his speech, Obama said the war was over.",
    "A mechanic heard the screams and helped pull her to safety, police said.",
    "It was the first time the government posted a surplus in July since the 1950s.",
    "Jane Doe was 14 at the time of the crash, according to the district attorney.",
    "Apparently, it is unclear who won the vote on Monday.",
    "Two days before the vote, the senator resigned from the committee.",
    "US forces have left the base.",
    "The Trump administration announced new tariffs on Friday.",
    "The stock market fell 4 percent on Monday.",
    "The average cost of a wedding hit a five-year high.",
    "The White House, in a statement, denied the report.",
    "Police said the storm hit the coast this week.",             # a demonstrative of time
    "Police declined to comment for this story.",
    "“I love this country,” a senator said.",                     # the speaker's own "this"
    "Officials said that schools must close.",
    "Officials said another attack was likely within days.",
    "No one was hurt, said an official with the city's trade commission.",
    "Data were collected by team doctors, and these data were analyzed by a panel.",
    "Among those injured was a child, officials said.",
    "The show's finale airs this Sunday, the network said.",
    "When she was 12, Jane Doe moved to Paris with her mother.",
    "When she was 12, Jane Doe said she wanted to live in Paris.",
    "Before he entered the box, the curator Jarrod Rawlins said Parr was calm.",
    "When it comes to safety, it is important to check the brakes.",
    "One person was killed and two were hurt in the crash on Monday.",
    "Rescuers made sure that as many people as possible got out on Monday.",
    # a demonstrative opening a clause stands for the topic the brief is on
    "Although this is the most comprehensive study of the devices, it is not the first.",
    "Officials said the bridge would reopen later this year.",
    "Bill Cosby says that in all of his years in show business, he has never seen anything like it.",
    "While auto executives dismiss the idea, they have been receptive to a shorter one.",
    "Aid reached those who fled the town on Monday, officials said.",
    "Police said the man who shot three people was arrested on Monday.",
    "The Republican Party quickly distributed the statement.",
    # a quotation opened and closed in the sentence, in any of the styles of the wires
    "``We didn't have this great plan,'' mom Mona Lisa Harding told Matt Lauer.",
    "\"We didn't have this great plan,'' mom Mona Lisa Harding told Matt Lauer.",
    "“We will not wait,” the mayor of Lyon, Gerard Collomb, said on Monday.",
    "Last week, officials said the dam held.",
    "It is unclear whether the deal will pass the Senate.",
    # read in context, the readers of ab_eleventh kept these (the sentence before tells)
    "It's possible the pilots could be aloft for 10 days, the team said.",
    "A third porn star told of her affair on Tuesday.",
    "In particular, the analysis is based on a sample of 1,420 children.",
    "A couple born on the same day at the same hospital have married.",
    "Officials said that, despite the rain, the race would go on.",
    "More than 600 flights were canceled at the two airports on Friday.",
    "\"That was the best game of my life,\" Jane Roe said after the final on Sunday.",
    "In the end, those who stayed in the town were rescued by boat.",
    "Two more than expected came to the vigil on Monday, the organizers said.",
    "The Senate voted 52-48 on Tuesday to pass the spending plan.",
    "The Commission of the European Union said Tuesday it would act.",
    "In all likelihood, the vote will be delayed until spring.",
    "On Monday, one of the largest storms in decades hit the coast.",
    "The storm hit on the day that the school reopened.",
    "Police said they would appeal the ruling on Monday.",
    "The publicist and the promoter said they had no answers.",
    "As they left the stadium on Sunday, fans sang the anthem.",
    "When he took his walk after lunch, Senator Roe was greeted by everyone.",
    "If they approve the contract, the workers could return to their jobs tonight.",
    "After she was fired in 2009, a former aide to the governor sued the state.",
    "As they left the stadium, a group of fans sang the anthem.",
    "Skier Kira Roe was hurt on Monday after the 21-year-old landed beside the mat.",
    "The 22-year-old Etienne Roe was pulled from the rubble on Friday.",
    # a thing's age
    "The 40-year-old ban on crude oil exports was lifted on Friday.",
    "Fire destroyed the 150-year-old church on Sunday.",
    # "IT", not "it"
    "In IT, salaries have risen 10 percent this year, a survey found.",
    # a group that speaks for someone it names, or one person who speaks
    "Smith's lawyers said he would appeal the verdict.",
    "Doctors treating Jane Roe said she was recovering well.",
    # a reply with its question, or to what it names
    "Asked whether he would run again, Roe replied: “Not this year.”",
    "Roe responded to the charges in a statement on Monday.",
    "Police responded to a call at 3 a.m. on Sunday.",
])
def test_openings_that_stand_alone(text):
    assert not needs(text).antecedent


@pytest.mark.parametrize("text, speaker", [
    ("One day, Françoise called me and said I had messed up socially.", True),  # the writer's
    ("I have never been this tired, the runner told reporters.", False),
    ("Let's call the total tax take about 32 percent of legal sales.", True),
    ("“We are occupying all the hallways.”", True),           # nobody says it
    ("“The fighting is fierce,” a spokesman said.", False),
    ("“The battle,” he said, “will be over in days.", True),   # the quotation goes on
    ("The army said the battle would be over in days.", False),
    ("I have understood the population explosion for a long time.", True),  # whose "I"?
    ("Chances are your parenting is perfectly fine.", True),   # the writer to the reader
    ("I have never been this tired, the runner told reporters.", False),
    ("Let's call the total tax take about 32 percent of legal sales.", True),
    ("Scientists say our ancestors were shorter.", False),
    ("A gene evolved in the Ice Age to protect our ancestors from the cold.", False),  # ours
    ("Our monitoring of the web revealed that the accusers are rebels.", True),  # the writer's
    ("We reported last week that the mayor would resign.", True),
    ("It protects our list of the best films.", True),
    ("We will not back down, the union said in a statement.", False),
    ("Our thoughts are with the families, the company said.", False),
    ("Here we show evidence that a nap helps infants to retain memories.", True),  # a paper's
    ("Every race is a real fight here.", True),         # the writer's place, told by a dateline
    ("We are, just now, stuck between eras.", True),    # an op-ed's "we"
    ("US officials said the talks would resume.", False),
    # a title in quotation marks opens the sentence, no quotation
    ("“Moonlight” walked away with best picture honors on Sunday night.", False),
    ('"La La Land" producer Jordan Horowitz interrupted the telecast.', False),
    ("“Defendants’ use of the language is further evidence of infringement.”", True),
    # an initialism's "I" and a numeral are nobody's
    ("In 2000, Prodigy launched his solo career with H.N.I.C. and other records.", False),
    ("Mr. Comey shared the existence of the memo with senior F.B.I. officials.", False),
    ("The war ended in 1918, after World War I claimed millions of lives.", False),
    ("Then I went home and slept for a day.", True),
    ("Honestly...I had no idea what was happening.", True),  # an ellipsis is no initialism
    ("During the War I served in the Navy.", True),
])
def test_quotations_need_a_speaker(text, speaker):
    assert needs(text).speaker is speaker


@pytest.mark.parametrize("text, says", [
    ("“The staff is just walking over students,” she said.", True),
    ("Jamie Gorelick, his lawyer, said in a statement.", True),
    ("We will win,” he added.", True),
    ("Congressional aides have said they would like to question him.", False),
    ("The vote is set for next week.", False),
])
def test_what_tells_who_says_a_quotation(text, says):
    assert says_who(text) is says


def test_a_surname_needs_its_full_name_first():
    names = Names(["Senator Elizabeth Warren spoke on Monday.", "Warren said she would run."])
    assert needs("Warren said she would run.", names).names == {"Warren"}
    assert not needs("Senator Elizabeth Warren spoke on Monday.", names).names


def test_a_surname_with_a_particle_needs_its_full_name_whatever_its_first_letter():
    texts = ["Prime Minister Baghdadi Ali al-Roumi said on Friday that the talks had failed.",
             "Al-Roumi said there was no proof that soldiers did it."]
    names = Names(texts)
    assert needs(texts[1], names).names == {"Al-Roumi"}
    assert "Al-Roumi" in names.introduced(texts[0])
    # an organisation's capitalized particle in a glued headline makes no person of its name
    texts = ["Islamists cheer for McCain Al-Roumi is watching the market slide with joy.",
             "Blair said al-Roumi and its allies remain dangerous enemies.",
             "Experts say the crisis has given al-Roumi an opening in the region."]
    names = Names(texts)
    assert not needs(texts[1], names).names and not needs(texts[2], names).names
    # and the full name introduces it where only the capitalized form is cued as a person's
    texts = ["Jane al-Roumi, who fled the country this spring, has been forced back.",
             "Al-Roumi told reporters that guards had beaten her."]
    assert "Al-Roumi" in Names(texts).introduced(texts[0])


def test_a_surname_of_two_parts_joined_by_a_particle_needs_the_given_name_first():
    # "Valencia del Toro" reads as a full name, but the cluster writes it after a given
    # name: alone it is a surname, and the cue before the full name names its last part
    texts = ["Police identified the gunman as military veteran Jose Luis Garza del Rio.",
             "Garza del Rio had served in the Air Force.",
             "Witnesses said Ana Maria Lopez shouted a warning."]
    names = Names(texts)
    assert needs(texts[1], names).names == {"Rio"}
    assert "Rio" in names.introduced(texts[0])
    # a thing's name written before a longer form is no surname ("During El Nino")
    texts = ["El Nino warms the Pacific every few years.", "During El Nino, rains fall."]
    assert not Names(texts).compound_surnames
    # a name of two words that no longer name of the cluster ends is still a full name
    texts = ["Officials said Maria del Rio and Jan van Dijk left.", "Jan van Dijk said no."]
    names = Names(texts)
    assert not needs(texts[1], names).names


def test_a_surname_is_a_persons_when_an_office_stands_before_its_full_name():
    texts = ["Lawmakers met Treasury Secretary Henry M. Roe Jr. late on Tuesday.",
             "Roe and the bankers worked through the night."]
    assert needs(texts[1], Names(texts)).names == {"Roe"}
    # the whole name only: not a word inside a longer name, nor a day after it
    texts = ["President Jane Ould Abdel Roe told journalists the talks had begun.",
             "Chairman Mustafa Abdel Doe has dismissed the cabinet.",
             "Abdel Hafiz, the deputy chairman, issued a statement.",
             "President Jacob Zuma Sunday said no.", "Sunday was calm in the capital."]
    names = Names(texts)
    assert not needs(texts[2], names).names and not needs(texts[4], names).names
    # nor a place named after the person
    texts = ["President Ronald Roe spoke in 1984.",
             "Two planes landed at Roe National Airport on Monday."]
    assert not needs(texts[1], Names(texts)).names


def test_a_surname_is_a_persons_when_its_full_name_is_told_with_who_the_person_is():
    texts = [("The first witnesses were Aaron Roe, the college student who found him, and "
              "Charles Doe, a neighbor."), "Roe and Doe described the scene."]
    assert needs(texts[1], Names(texts)).names == {"Roe", "Doe"}
    # a place told with what it is stays a place
    texts = ["Officials met in New York, the city that hosts the talks.", "York was calm."]
    assert not needs(texts[1], Names(texts)).names
    texts = ["Jane Doe of Fort Worth, a retired teacher, spoke first.", "Worth stayed calm."]
    assert not needs(texts[1], Names(texts)).names


def test_a_surname_is_a_persons_after_an_adverb_or_a_verb_only_people_use():
    texts = ["The group relied on one member, Americo Roe, to buy the tickets.",
             "Roe later claimed he bought the winning ticket alone.",
             "Roe cashed it without telling his co-workers."]
    assert needs(texts[2], Names(texts)).names == {"Roe"}
    assert not needs(texts[2], Names([texts[0], texts[2]])).names  # no cue: a place's?


def test_an_acronym_the_cluster_spells_out_needs_its_spelling_first():
    # (Multi-News dev: "WANE reports that ..." and "CAPA attorneys have argued ..." were
    # told with no word of what WANE and CAPA are)
    texts = ["Behind the effort is the College Athletes Players Association, or CAPA, a union.",
             "CAPA attorneys have argued the players are employees.",
             "She spoke to Fort Wayne television station\xa0WANE on Monday.",  # (no-break)
             "WANE reports that she was charged in July.",
             "The FBI, or Federal Bureau of Investigation, opened a case.",
             "The FBI said it would not comment."]
    names = Names(texts)
    assert needs(texts[1], names).names == {"CAPA"}
    assert names.introduced(texts[0]) >= {"CAPA"}
    assert needs(texts[3], names).names == {"WANE"}
    assert "WANE" in names.introduced(texts[2])
    assert not needs(texts[5], names).names  # every reader knows it
    # a lead that uses it is written for a fresh reader: it introduces it
    reading = read(texts[:2] + ["CAPA lawyers filed the case on Monday."], [True] * 3,
                   [False, False, True])
    assert "CAPA" in reading.introduces[2] and reading.needs[1].names == {"CAPA"}


def test_a_possessive_ends_a_name():
    from storyline.brief.context import full_names

    assert full_names("The agency's West Nile experts met.") == []
    assert full_names("Trump's Attorney General Jeff Sessions spoke.") == ["Jeff Sessions"]
    assert full_names("Jeff Sessions's office spoke.") == ["Jeff Sessions"]
    assert full_names("Donald Trump Jr.'s emails came out.") == ["Donald Trump"]
    # a long run of titles before the name keeps the surname ("Parker was fired" needs it)
    assert full_names("Former Madison Police Officer Eric Sloan Parker, 26, pleaded not "
                      "guilty.")[0].endswith("Eric Sloan Parker")


def test_a_given_name_alone_needs_the_full_name_first():
    names = Names(["Police said she shot her neighbor, 66-year-old Frank Macomber.",
                   "Frank was reported missing that day.", "Macomber said nothing.",
                   "Will Smith spoke on Monday.", "Will the court decide?"])
    assert needs("Frank was reported missing that day.", names).names == {"Macomber"}
    assert not needs("Police said she shot her neighbor, 66-year-old Frank Macomber.",
                     names).names
    assert not needs("Will the court decide?", names).names  # "Will" opens sentences
    # the first word of a long name with a title in it is no given name
    titled = Names(["New Jersey Health Commissioner Christine Grant said the crow had died.",
                    "Grant said the tests were done.", "No New Jersey resident was ill."])
    assert not needs("No New Jersey resident was ill.", titled).names


def test_things_named_like_people_need_no_introduction():
    # an organisation that says things, after "the" (Multi-News dev: "the Syrian
    # Observatory said" made every sentence with "Syrian" wait for it)
    names = Names(["The Syrian Observatory for Human Rights said 20 died.",
                   "The Syrian Observatory said more were hurt.",
                   "Syrian troops shelled the city on Monday."])
    assert not needs("Syrian troops shelled the city on Monday.", names).names
    # a company's head word ("Malaysia Airlines said"), and a first word the cluster
    # also writes in small letters ("Despite Mercer ..." at a sentence's start)
    names = Names(["Malaysia Airlines said the plane was lost.", "Malaysia searched the sea.",
                   "Rebekah Mercer said she would give.", "Despite Mercer's money, it lost.",
                   "Despite the rain, they met.", "They won despite the odds."])
    assert not needs("Malaysia searched the sea.", names).names
    assert not needs("Despite the rain, they met.", names).names
    assert needs("Rebekah said she would give.", names).names == {"Mercer"}
    # a place's or a body's name after a sentence's first word, a compound or a
    # participle ("Without Quebec, ...", "French-speaking Quebec", "Outgoing Northwestern")
    names = Names(["Without Quebec, the country would split.", "Quebec said it would vote.",
                   "Voters in French-speaking Quebec went to the polls.",
                   "They would do it without delay.", "Quebec voted on Monday."])
    assert not needs("Quebec voted on Monday.", names).names
    names = Names(["Outgoing Northwestern said it would appeal.", "Northwestern appealed."])
    assert not needs("Northwestern appealed.", names).names
    # a verb's past before a title is no role before a person's name
    names = Names(["He published The Klingon Dictionary in 1985.",
                   "Klingon is spoken by a few fans."])
    assert not needs("Klingon is spoken by a few fans.", names).names


def test_a_given_name_that_is_also_a_word_is_still_a_given_name():
    # a long story writes "bill" somewhere: "Vice Admiral Bill Gortney" still has a given
    # name, and "Gortney said" needs him introduced (a Libya story page's brief had not)
    texts = ["Vice Admiral Bill Gortney briefed reporters at the Pentagon.",
             "The Senate passed the bill on Monday.",
             '"We are not going after Gadhafi," Gortney said.']
    assert needs(texts[2], Names(texts)).names == {"Gortney"}


@pytest.mark.parametrize("full, alone", [
    ("Senator Mitch McConnell spoke on Monday.", "McConnell said the bill would pass."),
    ("Lawyer Kathleen O’Sullivan spoke on Monday.", "Ms. O’Sullivan said he needs a lawyer."),
    ("Education Secretary Betsy DeVos spoke on Monday.", "DeVos said the rule would go."),
    ("Eman al-Obeidy spoke to reporters on Saturday.", "Reporters said al-Obeidy was free."),
    ("Keiji Fukuda of the WHO spoke on Monday.", "Dr Fukuda said stocks of drugs had grown."),
])
def test_mixed_case_surnames_need_their_full_name_first(full, alone):
    names = Names([full, alone])
    assert needs(alone, names).names
    assert not needs(full, names).names


QUOTE_CLUSTER = [
    "The city council voted on Tuesday to close the old bridge over the river for repairs "
    "that will take two years. The vote was seven to two. "
    "Traffic will be sent over the northern bridge, which will get a new lane. "
    "\"We cannot wait for the bridge to fall down.\" "
    "Council members have said they would like to hear from residents before the work starts.",
    "The city council voted to close the old bridge over the river for two years of repairs. "
    "Engineers found cracks in its main beams last spring. "
    "Residents of the east side fear longer trips to work while the bridge is closed.",
]


def test_a_quotation_nobody_says_is_left_out_when_the_next_sentence_does_not_say_who():
    brief = summarize(QUOTE_CLUSTER, options=Options(words=200, analysis=False))
    texts = [s.text for s in brief.sentences]
    assert texts  # the brief is made
    assert not any(t.startswith('"We cannot wait') for t in texts)


GOES_ON_CLUSTER = [
    "The city council voted on Tuesday to close the old bridge over the river for two "
    "years of repairs. The mayor, Jane Okafor, said in a statement: \u201cWe cannot wait "
    "for the bridge to fall down. "
    "\u201cEvery week we wait, the cracks grow and the repairs cost more.\u201d "
    "Traffic will be sent over the northern bridge, which will get a new lane.",
    "The city council voted to close the old bridge over the river for two years of "
    "repairs. Engineers found cracks in its main beams last spring, and every week the "
    "cracks grow and the repairs cost more, they said.",
]


@pytest.mark.parametrize("cluster", [QUOTE_CLUSTER, GOES_ON_CLUSTER])
@pytest.mark.parametrize("words", [60, 120, 200])
def test_every_quotation_in_a_brief_has_its_speaker_beside_it(cluster, words):
    texts = [s.text for s in summarize(cluster, options=Options(words=words,
                                                                analysis=False)).sentences]
    for i, text in enumerate(texts):
        if needs(text).speaker and not needs(text).antecedent:
            before = texts[i - 1] if i else ""
            after = texts[i + 1] if i + 1 < len(texts) else ""
            assert says_who(before) or says_who(after), texts


def test_a_one_sentence_article_is_told_even_when_its_words_look_back():
    text = ("The army said on Tuesday that 300 soldiers had crossed the border into the "
            "northern region of the country.")
    brief = summarize([text], options=Options(analysis=False))
    assert [s.text for s in brief.sentences] == [text]


def test_a_page_whose_one_statement_leans_back_still_gets_a_brief():
    page = ("Lost: Every Moment\n\nYou have seen every nickname, but what is the show without "
            "them? In celebration of the finale this Sunday, the network edited together "
            "this hypnotic montage of every moment, in order.")
    brief = summarize([page], options=Options(analysis=False))
    assert [s.text for s in brief.sentences] == [
        "In celebration of the finale this Sunday, the network edited together this "
        "hypnotic montage of every moment, in order."]


def test_a_quotation_left_open_is_shown_only_with_its_rest():
    for words in (40, 60, 120, 200):
        texts = [s.text for s in summarize(GOES_ON_CLUSTER, options=Options(
            words=words, analysis=False)).sentences]
        for i, text in enumerate(texts):
            if opens_quotation(text):
                assert i + 1 < len(texts) and texts[i + 1].startswith("\u201cEvery week"), texts


@pytest.mark.parametrize("text, left_open", [
    ('"It was a prolific time," says singer Robert Plant, "where we were learning.', True),
    ('The mayor said: "We cannot wait.', True),
    ('"It was a tragic death.', False),   # opened at its start: `goes_on_quoting` says so
    ('"It was a tragic death," she said.', False),
])
def test_a_sentence_that_opens_a_quotation_it_does_not_close(text, left_open):
    assert opens_quotation(text) is left_open


@pytest.mark.parametrize("text, known, mentioned", [
    ("Within the province, a majority say the accord does not alter their view.",
     {"#accord"}, set()),
    ("A new accord was signed, and the accord takes effect in May.", set(), {"#accord"}),
    ("The accord on trade was signed on Monday.", set(), {"#accord"}),   # defined in place
    ("The Paris accord was signed on Monday.", set(), {"#accord"}),      # named
    ("The new rules require developers to obtain permits.", {"#rule"}, set()),
    ("The company plans to build a plant.", set(), {"#plan"}),           # a verb, not "the plan"
    ("The five white suspects were freed.", {"#suspect"}, set()),
    ('"The armed forces are yours," the appeal said.', {"#appeal"}, set()),
    ("In the filing, lawyers compared the couples to children.", {"#filing"}, set()),
])
def test_things_told_as_known_need_a_mention_first(text, known, mentioned):
    from storyline.brief.context import things

    assert things(text) == (frozenset(known), frozenset(mentioned))


@pytest.mark.parametrize("text, key", [
    ("The drugs appear to be no more effective than aspirin.", "#drug"),
    ("The reports cast a new cloud over race relations.", "#report"),
    ("Most of the crimes allegedly were planned abroad.", "#crime"),
    ("The salts very likely come from a briny ocean.", "#salt"),
    ("The police said he had no record.", None),                        # known to all
    ("The company behind the app is facing a pivotal moment.", None),   # defined in place
    ("The drugs include aspirin, and such drugs are cheap.", None),     # told in it
    ("The Montreal meeting was held to assess the aid effort.", "#meeting"),  # a place before it
    ("The Miami relatives might also try a last-second court move.", "#relative"),
    ("The Clinton administration is offering tax breaks to drug makers.", None),
    ("The Crow have put a lien on his business.", None),                # "have" is no noun
])
def test_any_noun_opening_as_known_needs_a_mention_first(text, key):
    from storyline.brief.context import Names, subject_thing

    assert subject_thing(text) == key
    if key is not None:
        mention = ("Regulators approved a new drug, reports said, after crimes and salts, "
                   "at a meeting with relatives.")
        names = Names([mention, text])
        assert key in names.used(text) and key in names.introduced(mention)


def test_a_thing_told_as_known_waits_for_a_sentence_that_mentions_it():
    lead = ("Negotiators from both countries signed a trade accord in Geneva on Monday after "
            "three years of talks. It cuts tariffs on cars and grain.")
    other = ("Grain prices fell for a third week in the northern provinces on Tuesday. "
             "Farmers said the accord does not go far enough for their crops.")
    for words in (25, 60, 120):
        texts = [s.text for s in summarize([other, lead], options=Options(
            words=words, analysis=False)).sentences]
        for i, text in enumerate(texts):
            if text.startswith("Farmers"):
                assert any("accord" in t for t in texts[:i]), texts


@pytest.mark.parametrize("text, mid", [
    ("Of the 12 arrested on Saturday, seven were booked at the county jail.", True),
    ("Then, near the intersection, a camera captured the car stopping.", True),
    ("We want to express again our sadness about the loss of the cat.", True),
    ("The 10 women on the list earned a total of $94 million.", False),  # a lead
    ("It is unclear whether the talks will resume.", False),
])
def test_a_page_cut_mid_story_opens_with_what_leans_back(text, mid):
    from storyline.brief.context import opens_mid_story

    assert opens_mid_story(text) is mid


def test_a_scene_setting_participle_is_no_lead():
    from storyline.brief.select import _SCENE_SETTER

    assert _SCENE_SETTER.match("Reclined in a red chair by the window, Ida taps her feet.")
    assert not _SCENE_SETTER.match("Based in London, the firm makes chips for phones.")
    assert not _SCENE_SETTER.match("Speaking on Monday, the minister said the talks failed.")


def test_a_lead_that_says_it_tells_another_story_leans_back():
    reading = read(["Prosecutors charged a woman with assault on Monday.",
                    "In unrelated cases, prosecutors charged two women on Friday."],
                   [True, True], [True, True])
    assert not reading.needs[0].antecedent and reading.needs[1].antecedent


def test_a_noun_its_article_wrote_before_needs_a_mention_first():
    from storyline.brief.context import read

    texts = ["A California couple found a stash of gold coins in their yard on Monday.",
             "They had spotted a rusty can sticking out of the ground.",
             "Poking at the can was the first step in uncovering the treasure.",
             "Poking at the can was the first step, the couple said on Tuesday."]
    reading = read(texts, [True] * 4, [True, False, False, True])
    assert "#can" in reading.needs[2].names  # its article wrote "a rusty can" before
    assert "#can" in reading.introduces[1]
    assert "#can" not in reading.needs[3].names  # a lead: written for a fresh reader
    # "the ground" was never introduced in its article: the story's ground, no reference
    assert "#ground" not in reading.needs[1].names


def test_a_noun_its_article_described_just_before_needs_a_mention_first():
    from storyline.brief.context import read

    texts = ["Six students were charged on Monday over a freshman's death last fall.",
             "She sat against the exterior door of one of the station's garage bays.",
             "When the door opened for a fire truck, she fell back and was struck.",
             "Firefighters said the station had no camera at that spot.",
             "Officials would not say how long the students had been drinking.",
             "The town has held no vigil since, a parent said.",
             "Nobody checked the door, the report said."]
    reading = read(texts, [True] * len(texts), [True] + [False] * (len(texts) - 1))
    assert "#door" in reading.needs[2].names  # "the exterior door" one sentence before
    assert "#door" not in reading.needs[6].names  # five sentences on: the story's door
    # the ground, the air, the scene: any story's, however its article told of them
    texts = ["A plane crashed on Monday.", "It hit the frozen ground hard.",
             "Five people on the ground were hurt."]
    assert "#ground" not in read(texts, [True] * 3, [True, False, False]).needs[2].names
    # "that" is no "the": "said that many residents" describes no residents
    texts = ["Fire hit a hotel on Monday.", "Officials said that many residents fled.",
             "The residents returned on Tuesday."]
    assert "#resident" not in read(texts, [True] * 3, [True, False, False]).needs[2].names


def test_a_thing_told_before_and_then_what_for_still_needs_a_mention_first():
    from storyline.brief.context import read

    texts = ["Six students were charged on Monday over a freshman's death last fall.",
             "Police said the students hosted an off-campus party at a rented house.",
             "People gathered at the party to build a float for the parade.",
             "The board reached a decision on Friday.",
             "The decision to expel them was unanimous."]
    reading = read(texts, [True] * len(texts), [True] + [False] * (len(texts) - 1))
    assert "#party" in reading.needs[2].names  # "to build": what for, not which party
    assert "#party" not in reading.introduces[2]
    assert "#decision" not in reading.needs[4].names  # "to expel them" says which
    assert "#party" in read(["Students gathered at the party to build a float on Friday.",
                             "The party ended at dawn."], [True, True], [True, False]
                            ).introduces[0]  # a lead's "the party" is the story's
    told = ["A letter from the mayor was leaked on Monday after a decision.",
            "A woman was hurt.",
            "Police later sent the letter to his lawyer.",
            "Jones, 41, was the first woman to lead the council.",
            "The decisions to close schools drew protests."]
    reading = read(told, [True] * 5, [True] + [False] * 4)
    assert "#letter" not in reading.needs[2].names  # "to his lawyer": which? (as at "of")
    assert "#woman" not in reading.needs[3].names  # "the first woman to ...": which one
    assert "#decision" not in reading.needs[4].names


def test_the_same_thing_as_one_told_before_leans_on_it():
    from storyline.brief.context import needs

    assert needs("As that same shift takes place elsewhere, demographers are surprised "
                 "at its speed.").antecedent
    assert needs("Those same rules apply to cargo flights, the agency said.").antecedent
    assert not needs("Maria and Ana Ruiz were born on the same day in Lima in 1990."
                     ).antecedent
    assert not needs("Studies show that same-sex couples earn the same wages as others."
                     ).antecedent
    assert needs("No-one else has displayed any symptoms, the school said.").antecedent
    assert needs("Health officials said nobody else in the household was ill.").antecedent
    assert not needs("Officials said the elsewhere-bound flight was delayed.").antecedent
    assert not needs("If nothing else, the vote showed how divided the city is.").antecedent
    assert not needs("Above everything else, voters care about prices, a poll found."
                     ).antecedent


def test_an_adjective_or_a_conjunction_after_the_is_no_noun():
    from storyline.brief.context import definite_nouns

    assert "#new" not in definite_nouns(
        "A team led by a Stanford chemist described the new method in research published "
        "on Wednesday.")
    assert "#and" not in definite_nouns(
        "Rescuers carried the injured and the frightened out of the building.")
    assert "#could" not in definite_nouns("The wounded could not walk, nurses said.")
    assert not definite_nouns("Jones was the second to resign, and the third to go.")
    assert "#decided" not in definite_nouns("The tribunal decided to adjourn.")
    assert not definite_nouns("The increase to two percent was approved.")
    # an adjective's ending on a noun: "the hospital said ..." is the hospital's
    assert "#hospital" in definite_nouns("Doctors at the hospital said she was stable.")
    assert "#trial" in definite_nouns("The trial began in May.")


def test_a_brief_shows_what_the_can_is_before_the_can():
    lead = ("A California couple who found buried gold coins worth $10 million may have to "
            "give them up, a report said on Monday. The couple spotted a rusty can while "
            "walking their dog on their land. Poking at the can was the first step in "
            "uncovering the coins, which may have been stolen from the U.S. Mint in 1900.")
    other = ("Gold coins found by a California couple may have been stolen from the U.S. "
             "Mint in San Francisco in 1900, a newspaper reported on Monday. The Mint lost "
             "$30,000 in gold coins in the theft.")
    for words in (40, 60, 120):
        texts = [s.text for s in summarize([lead, other], options=Options(
            words=words, analysis=False)).sentences]
        for i, text in enumerate(texts):
            if text.startswith("Poking"):
                assert any("rusty can" in t for t in texts[:i]), texts


def test_sentences_inside_a_quotation_an_earlier_one_opened_continue_it():
    texts = ["The department released a statement on Tuesday.",
             "\u201cWe were saddened by the news of the officer's death.",
             "The officer loved his work and his city.",
             "He will be missed by all of us.\u201d",
             "Flags flew at half-staff across the city on Wednesday.",
             "A second paragraph starts outside any quotation."]
    opens = [True, False, False, False, False, False]
    paragraphs = [0, 1, 1, 1, 1, 2]
    assert inside_quotation(texts, opens, paragraphs) == [False, False, True, True, False,
                                                          False]
    reading = read(texts, [True] * len(texts), opens, paragraphs)
    assert reading.needs[2].antecedent and not reading.needs[4].antecedent
    # a quotation left open at a paragraph's end does not run into the next paragraph
    assert inside_quotation(["She said: \u201cWe will win.", "Polls open at nine."],
                            [True, False], [0, 1]) == [False, False]
    # straight quotation marks too, and an article's first sentence starts outside
    assert inside_quotation(['He said: "It is over.', "Nobody won.", 'A new one." Then'],
                            [True, False, True], [0, 0, 0]) == [False, True, False]


@pytest.mark.parametrize("lead, leans", [
    ("Its street names include Vitamin R, and drug agents list it among stimulants.", True),
    ("Each of them shows the same clip of a news bulletin broadcast on Tuesday.", True),
    ("It is about rape as a weapon in the war and the evidence found on phones.", True),
    ("She has played the role on stage for a decade, and now retires.", True),
    # a lead that opens on "It" for what it goes on to tell, or on a count of people
    ("It was a tragedy that shocked the town, its mayor said on Monday.", False),
    ("Some of the town's 40 firefighters were hurt in the blaze on Monday.", False),
    ("It was about 3 a.m. when the fire started at the mill, police said.", False),
    ("It's about time Congress acted on the farm bill, the senator said.", False),
    ("Some of those who fled the fighting returned to the town on Monday.", False),
])
def test_a_lead_on_a_pronoun_for_what_only_the_headline_named_leans_back(lead, leans):
    texts = [lead, "The agency said more would follow."]
    reading = read(texts, [True, True], [True, False], [0, 1])
    assert reading.needs[0].antecedent is leans


def test_a_quotation_printed_a_sentence_a_line_runs_on_to_the_line_that_closes_it():
    texts = ["Families fled the town on Monday, officials said.",
             '"We did not know where the shells came from.',
             "Every street is being hit day and night.",
             "There is no power and no water.",
             'Not one house was spared," said one of the women.',
             "The army denied shelling homes."]
    opens = [True, False, False, False, False, False]
    assert inside_quotation(texts, opens, list(range(6))) == [False, False, True, True, True,
                                                               False]
    # the next mark opens a quotation of its own: the lines between are the writer's
    texts[4] = 'A spokesman called the claims "lies," and said so on Tuesday.'
    assert inside_quotation(texts, opens, list(range(6))) == [False] * 6
    # a dash before the mark closes it too
    texts[4] = 'Not one house was spared—" said one of the women.'
    assert inside_quotation(texts, opens, list(range(6)))[2:5] == [True, True, True]
    # nor does it run on past QUOTE_LINES lines without a mark
    long = [texts[0], texts[1], *["The town has no power."] * 6, 'None," she said.']
    assert not any(inside_quotation(long, [True] + [False] * 8, list(range(9))))


LETTER = ("We built this company to bring people closer together. Our work is not done. "
          "I believe we can do more for the communities we serve. "
          "Open debate matters more than ever. We will keep listening to you.")
NEWS = ("The company's chief executive published a long letter on Thursday about its role "
        "in society. In it, he said open debate matters more than ever. Critics said the "
        "letter offered few concrete steps.")


def test_an_article_in_one_voice_needs_a_speaker_for_every_sentence():
    texts = [*LETTER.split(". ")[:-1], *NEWS.split(". ")]
    texts = [t if t.endswith(".") else t + "." for t in texts]
    opens = [k in (0, 5) for k in range(len(texts))]
    assert voiced(texts, opens) == frozenset(range(5))
    reading = read(texts, [True] * len(texts), opens)
    assert reading.needs[3].speaker  # "Open debate matters more than ever." is the letter's
    assert not reading.needs[6].speaker  # the reporter's "he said ..." tells who speaks
    # a cluster of letters only (or one letter) has no reporter to prefer
    assert voiced(texts[:5], opens[:5]) == frozenset()
    brief = summarize([LETTER, NEWS], options=Options(words=120, analysis=False))
    assert not any(s.text == "Open debate matters more than ever." for s in brief.sentences)
    assert brief.sentences


@pytest.mark.parametrize("text, told", [
    ("No ambulances were called to that pre-K center on Friday.", True),
    ("Babies preserve memories during those many naps they take, a study says.", False),
    ("The mayor spoke at that school which burned last year.", False),
    ("Police said he was seen on that night in March.", False),  # a time, not a thing
    ("\"We will never go back to that house,\" she said.", False),  # the speaker's own
])
def test_a_that_after_a_preposition_points_at_something_told(text, told):
    from storyline.brief.context import points_at_told
    assert points_at_told(text) is told


@pytest.mark.parametrize("text, aside", [
    ("(The judge famously has a sense of humor, once citing a poem in a ruling.)", True),
    ("(As a measure of how fast it grows, the town's 10,000th resident is only 11.)", True),
    ("(CNN) Police said the road was closed.", False),
    ("Police (who arrived late) said the road was closed.", False),
    ("Government officials in Tripoli were not immediately available for comment.", True),
    ("A spokesman for the company declined to comment on Monday.", True),
    ("Representatives of the other firms did not return phone calls seeking comment Monday.",
     True),
    ("The utility did not immediately respond to a request for comment.", True),
    ("Police declined to comment on evidence in the case.", False),  # it tells what
    ("The miners could not be reached.", False),
    ("He said officials were not available for comment, and left.", False),
    ("The report could not be confirmed and a spokesman was not available for comment.", False),
    ("Apple fired its chief executive on Friday and declined to comment.", False),
    ("Fighting killed 12 people in Homs on Monday, and officials declined to comment.", False),
    ("Exxon agreed to pay $2 billion but declined to comment on Monday.", False),
    ("His lawyer declined to comment.", True),  # ("is" inside a word is no verb)
    ("Officials in Paris were not immediately available for comment.", True),
    ("This week, a spokesman declined to comment.", True),
])
def test_a_whole_sentence_in_brackets_or_a_note_on_reporting_is_an_aside(text, aside):
    from storyline.brief.context import is_aside
    assert is_aside(text) is aside

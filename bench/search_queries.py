"""Officer-style search queries for the Riverton site, each with the pages that count as a right answer.

Worded as officers type on a phone: everyday words, slang, abbreviations, typos and questions, not
phrases copied from the pages. A query is answered when one of its pages is among the first three
pages listed. Used by tests/browser/test_search_quality.py and by the benchmark (bench/search_quality.py).
"""

from __future__ import annotations

TOP = 3

SCHOOLS = "everyday-contact/school-and-youth-contact/"
MOU = "partners/set-up-an-mou/"
REFERRALS = "partners/make-referrals/"
CO_RESPONDER = "partners/work-with-a-co-responder/"
ANGER = "forums/handle-anger-and-hard-questions/"
FACILITATION = "forums/facilitation-and-ground-rules/"
VENUE = "forums/venue-access-and-interpreters/"
PLAN_FORUM = "forums/plan-a-forum/"
PUBLISH = "forums/publish-what-was-heard/"
STOPS = "everyday-contact/procedural-justice-in-stops/"
INFORMAL = "everyday-contact/informal-conversations/"
EVENTS = "everyday-contact/community-events/"
FOLLOW_UP = "everyday-contact/follow-up-after-incidents/"
SOCIAL = "everyday-contact/social-media-presence/"
SURVEY = "feedback/run-a-community-survey/"
SESSION = "feedback/run-a-feedback-session/"
BOARD = "feedback/work-with-an-advisory-board/"
STORIES = "feedback/report-back-with-stories/"
SARA = "partners/solve-problems-with-sara/"
MAP = "partners/map-your-partners/"
ONBOARDING = "onboarding/"
DIRECTORY = "directory/"

# (query, pages that answer it: site-relative URL prefixes)
QUERIES: list[tuple[str, tuple[str, ...]]] = [
    # everyday words
    ("kids", (SCHOOLS,)),
    ("talking to teenagers", (SCHOOLS,)),
    ("rehab", (REFERRALS,)),
    ("detox bed tonight", (REFERRALS,)),
    ("coffee with a cop", (INFORMAL, EVENTS)),
    ("shouting at a meeting", (ANGER, FACILITATION)),
    ("guy yelling at the town hall", (ANGER, FACILITATION)),
    ("memorandum of understanding", (MOU,)),
    ("school cop agreement", (MOU, SCHOOLS)),
    ("translator for a meeting", (VENUE,)),
    ("deaf residents at a forum", (VENUE,)),
    ("wheelchair ramp", (VENUE,)),
    ("babysitting at the meeting", (VENUE,)),
    ("town hall", (PLAN_FORUM, SESSION)),
    ("questionnaire", (SURVEY,)),
    ("poll the neighborhood", (SURVEY,)),
    ("focus group", (SESSION,)),
    ("citizen advisory council", (BOARD,)),
    ("calling the victim back", (FOLLOW_UP,)),
    ("witness callback", (FOLLOW_UP,)),
    ("facebook", (SOCIAL,)),
    ("instagram photos", (SOCIAL,)),
    ("block party", (EVENTS,)),
    ("national night out", (EVENTS,)),
    ("walk and talk", (INFORMAL,)),
    ("getting out of the patrol car", (INFORMAL,)),
    ("pulled someone over", (STOPS,)),
    ("being fair during a car stop", (STOPS,)),
    ("homeless guy needs a bed", (REFERRALS, DIRECTORY)),
    ("food pantry", (DIRECTORY,)),
    ("same house keeps calling 911", (SARA,)),
    ("nuisance property", (SARA,)),
    ("rookie first week", (ONBOARDING,)),
    ("new recruit", (ONBOARDING,)),
    ("clinician on calls", (CO_RESPONDER,)),
    ("suicidal person", (CO_RESPONDER, REFERRALS)),
    ("overdose", (CO_RESPONDER, REFERRALS)),
    ("list of local services on my beat", (MAP, DIRECTORY)),
    ("tell the community what we did", (PUBLISH, STORIES)),
    # abbreviations
    ("MOU", (MOU,)),
    ("SRO", (SCHOOLS, MOU)),
    ("CIT", (CO_RESPONDER, "glossary/")),
    ("crisis intervention team", (CO_RESPONDER,)),
    ("LEP", (VENUE, STOPS)),
    ("DV victim", (FOLLOW_UP,)),
    ("OD", (CO_RESPONDER, REFERRALS)),
    # spacing and typos
    ("co responder", (CO_RESPONDER,)),
    ("coresponder", (CO_RESPONDER,)),
    ("deescalation", (MOU, CO_RESPONDER, ANGER)),
    ("de escalation", (MOU, CO_RESPONDER, ANGER)),
    ("interpeter", (VENUE,)),
    ("procedual justice", (STOPS,)),
    ("advisory comittee", (BOARD,)),
    ("facilitater", (FACILITATION,)),
    ("referal", (REFERRALS,)),
    # questions
    ("how do i calm down an angry crowd", (ANGER,)),
    ("what do i say to kids at school", (SCHOOLS,)),
    ("how do i get someone into treatment", (REFERRALS,)),
    ("who runs the meeting", (FACILITATION, PLAN_FORUM)),
    ("can i post pictures of people online", (SOCIAL,)),
]

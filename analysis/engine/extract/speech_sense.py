"""Whether a reporting verb reports speech here, or is used in one of its other senses.

Many reporting verbs have senses that are not speech: "maintain its sovereignty", "help Ukraine
defend itself", "deny export licences", "held talks", "called a meeting", "found the bodies".
The lexicon says how much each verb needs (``reporting_verbs.csv``, column ``requires``):

- ``""``: nearly always speech (say, claim, mock); without reported content it still needs a
  real speaker ("the war claimed lives" is no claim);
- ``clause``: speech when it introduces what was said, or takes an object with a named speaker
  ("Obama announced the sanctions");
- ``speech``: speech only with a speech complement — a clause ("denied that …", "it was …"), a
  quotation attached to it ('"…," she maintained'), a small clause ("called it a 'slap on the
  wrist'", "dismissed the round as 'tepid'") or a speech object: a reporting noun ("denied the
  allegations") or one of the row's ``objects`` ("denied any involvement");
- ``speaker``: evidence verbs (show, prove …): a speech complement and a speaker of their own;
- ``quote``: verbs of continuing ('"…," he continued', '"…," she went on'): speech only in a
  reporting clause attached to a quotation (Quirk et al. 1985, §14.29, reporting clauses).

Either of the two middle kinds is speech in the first person present inside a quotation when
the row is ``performative`` ('"I declare early elections"'), and in reply to a question put to
the subject ("Asked about the vote, she defended it").

Speech that has not happened is skipped, after the attribution guidelines and FactBank's event
factuality (Saurí & Pustejovsky 2009): negated ("did not deny"), modal ("will claim") or under
an intention ("plans to deny", "refused to comment"), words in ``lexicons/irrealis.csv``.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from analysis.engine.article import ParsedArticle
from analysis.engine.extract.subjects import RELATIVE_PRONOUNS, documents, subject_of
from analysis.engine.quote_marks import PAIRS
from analysis.engine.speakers import speaker_of
from analysis.lexicons import LexiconEntry, lexicon_column, load_lexicon

CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "csubj"})
SPEECH_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "csubj"})
"""Complements that hold what was said; an ``xcomp`` ("agreed *to hold talks*") does not."""
SUBORDINATE_DEPS = frozenset({"relcl", "advcl", "acl", "pcomp"})
PERSON_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they"})
OPENING_MARKS = frozenset(PAIRS) | {"‘", "'"}
CLOSING_MARKS = frozenset(PAIRS.values()) | {"”", "»", "’", "'"}
ASKING_VERBS = frozenset({"ask", "question"})
_BETWEEN_QUOTE_AND_VERB = frozenset({"ADV", "AUX", "PART"})


def reports_speech(
    article: ParsedArticle, tok: Token, entry: LexiconEntry, subj: Token | None, passive: bool
) -> bool:
    """True when the reporting verb ``tok`` is used as speech here (see the module docstring).

    Args:
        article: the parsed article (quotes, actors).
        tok: the verb.
        entry: its ``reporting_verbs`` row.
        subj: the head of its speaker phrase, if the parse names one.
        passive: True for a passive without an agent.
    """
    if not_yet_said(tok) or anonymity_request(tok):
        return False
    requires = lexicon_column("reporting_verbs", "requires").get(entry.term.lower(), "")
    if requires in ("speech", "clause") and answers_question(tok) and subj is not None:
        return True  # "Asked about the sanctions, Merkel defended the decision"
    if requires in ("speech", "clause") and quoted_performative(article, tok, entry, subj):
        return True  # '"I declare early elections," he said'
    if requires == "speech":
        return speech_complement(article, tok, entry)
    if requires == "speaker":
        return _own_speaker(article, tok) and speech_complement(article, tok, entry)
    if requires == "quote":
        return attached_quote(article, tok)
    clause = has_clause(article, tok) or _small_clause(tok, entry)  # "described them as X"
    if requires == "clause" and not clause:
        # "Obama announced the sanctions", "volunteers estimated the deaths at 60": an object
        # is enough when a person or body speaks; a passive with its agent has its object as
        # subject ("sanctions announced by the EU").
        has_object = (
            any(c.dep_ == "dobj" for c in tok.children)
            or _passive_with_agent(tok)
            or _addressee(article, tok, entry)
        )
        if not (has_object and subj is not None and _speaking_subject(article, subj)):
            return False
    # Without reported content, only a real speaker makes it speech:
    # "the war claimed lives" is not a claim.
    if not clause and not passive:
        return subj is not None and (subj.pos_ == "PROPN" or _speaking_subject(article, subj))
    return True


def _passive_with_agent(tok: Token) -> bool:
    """True for a passive verb with a by-agent ("was announced by the Kremlin")."""
    return any(c.dep_ == "agent" for c in tok.children) and (
        tok.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    )


def not_yet_said(tok: Token) -> bool:
    """True for "did not say", "will claim", "could deny", "plans to deny", "refused to comment":
    no speech act took place ("did not confirm it until Thursday" did, on Thursday)."""
    modal = _irrealis("modal")
    until = any(c.lower_ in ("until", "till") for c in tok.children)
    for c in tok.children:
        if (c.dep_ == "neg" and not until) or (c.dep_ == "aux" and c.lower_ in modal):
            return True
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "be":
        # "was to announce" (not yet), "the rebels are to blame" (responsible, no speech act)
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ":
        # "was ready to deny", "is likely to announce": only an implicative adjective ("was
        # quick to deny") says the speech took place (Karttunen 1971), and only when the
        # copula asserts it did
        adj = tok.head
        return adj.lemma_.lower() not in _irrealis("implicative") or not _copula_happened(adj)
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _irrealis("intention")


def _copula_happened(adj: Token) -> bool:
    """True when the copula of ``adj`` says a past event: "were quick to condemn", "has been
    quick to deny"; not "is happy to discuss" (willing), "was not able to confirm" or "would be
    glad to comment" (Karttunen 1971: implicatives entail only in an asserted past)."""
    cop = adj.head
    if any(c.dep_ == "neg" for c in (*adj.children, *cop.children)):
        return False
    if any(c.dep_ == "aux" and c.lower_ in _irrealis("modal") for c in cop.children):
        return False
    perfect = cop.tag_ == "VBN" and any(c.lemma_ == "have" for c in cop.children)
    return cop.tag_ == "VBD" or perfect


def light_phrase_reports_speech(
    article: ParsedArticle, verb: Token, last: Token, subj: Token | None
) -> bool:
    """True when a light-verb phrase ("made it clear", "building a case", "as X put it")
    reports speech: someone who can speak says something through it — a clause the parser
    hangs on the phrase's last word ("made clear *that* …"), a "for"/"against" phrase
    ("a case for sanctions"), an "as" clause ("as X put it") or an attached quotation.
    "The storm made it clear" says nothing."""
    if not_yet_said(verb) or subj is None:
        return False
    if not (subj.pos_ == "PROPN" or _speaking_subject(article, subj)):
        return False
    said = any(
        (c.dep_ in ("ccomp", "advcl", "acl", "relcl") and c.pos_ in ("VERB", "AUX"))
        or (c.dep_ == "prep" and c.lower_ in ("for", "against"))
        for c in (*last.children, *verb.children)
        if c.i != last.i
    )
    return said or _as_clause(verb) or attached_quote(article, verb)


def question_put_to_subject(tok: Token) -> bool:
    """ "Asked about the sanctions, Obama said …", "Obama, questioned on the vote, said …": a
    reduced passive clause of a verb of asking (Levin 1993, §37.1) reports a question someone
    unnamed put to the sentence's subject; the subject answers, it does not ask."""
    if tok.lemma_.lower() not in ASKING_VERBS or tok.tag_ != "VBN":
        return False
    if tok.dep_ not in ("advcl", "acl") or not_yet_said(tok):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in tok.children):
        return False  # a full clause ("he was asked"), not a reduced one
    if tok.dep_ == "acl" and tok.head.dep_ not in ("nsubj", "nsubjpass"):
        return False  # "the questions asked at the hearing": no one answers here
    # what or where they were asked: "about the sanctions", "whether …", "at a news conference"
    return any(c.dep_ in ("prep", "ccomp", "advcl") for c in tok.children)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
OBJECT_MODIFIER_DEPS = frozenset({"amod", "acl", "relcl", "compound"})


def clause_read_as_object(tok: Token) -> bool:
    """ "The report found the army used force", "they agreed the plan would fail": a complement
    clause without "that" whose subject the parser took for the verb's object, hanging the
    clause's verb on it as a modifier. A participle or adjective never has a subject of its own
    and a relative clause without a relative pronoun never lacks one (Huddleston & Pullum 2002,
    ch. 12, bare relatives), so a modifying verb with its own subject, or a finite one without
    any, is the complement's verb."""
    for obj in tok.children:
        if obj.dep_ != "dobj" or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if any(_clause_verb_on_object(m) for m in obj.children):
            return True
    return False


def _clause_verb_on_object(mod: Token) -> bool:
    """True for a verb hung on an object that only a clause can hold (see above)."""
    if mod.dep_ not in OBJECT_MODIFIER_DEPS or mod.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in mod.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if mod.dep_ != "relcl" and subjects:
        return True  # "found the army used force": "used" (read as an adjective) has a subject
    finite = (
        mod.tag_ in FINITE_TAGS
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in mod.children)
        or _passive_infinitive(mod)
    )
    first = mod.doc[min(t.i for t in mod.subtree)]
    return finite and not subjects and first.lower_ not in RELATIVE_PRONOUNS


def quoted_performative(
    article: ParsedArticle, tok: Token, entry: LexiconEntry, subj: Token | None
) -> bool:
    """'"I declare early elections …"', '"We demand the release of …"': inside a quotation,
    a verb of the row's ``performative`` column in the simple present with "I" or "we" as its
    own subject performs the speech act it names (Austin 1962, explicit performatives); the
    speaker is whoever is quoted. "I'd like to request", "we will call" are not said yet."""
    if subj is None or subj.head.i != tok.i or subj.lower_ not in ("i", "we"):
        return False
    if tok.tag_ != "VBP" or any(c.dep_ in ("aux", "neg") for c in tok.children):
        return False
    if lexicon_column("reporting_verbs", "performative").get(entry.term.lower()) != "yes":
        return False
    return article.quoted(article.start(subj))


def _passive_infinitive(verb: Token) -> bool:
    """ "the deal needed to be signed": a participle read as a passive relative ("the deal
    needed") does not take a passive infinitive ("to be signed"); the verb is finite."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "xcomp" and any(g.dep_ == "auxpass" for g in c.children) for c in verb.children
    )


def answers_question(tok: Token) -> bool:
    """ "Asked about the sanctions, Merkel defended the decision", "Questioned on the vote, he
    dismissed the poll": what a subject does in reply to a question put to it (a reduced
    passive of asking on the verb) is said, so the verb is used in its speech sense."""
    return any(c.dep_ == "advcl" and question_put_to_subject(c) for c in tok.children)


def anonymity_request(tok: Token) -> bool:
    """ "a senior official who asked not to be named": the request not to be named, identified
    or quoted is the sourcing formula news agencies give for anonymity (AP Stylebook,
    "anonymous sources"), not speech the article reports."""
    if tok.lemma_.lower() not in ("ask", "request"):
        return False
    return any(
        c.dep_ == "xcomp"
        and any(g.dep_ == "auxpass" for g in c.children)
        and any(g.dep_ == "neg" for g in c.children)
        for c in tok.children
    )


@cache
def _irrealis(category: str) -> frozenset[str]:
    """Words of one category of ``lexicons/irrealis.csv`` (modal auxiliaries, intention verbs)."""
    return frozenset(t for t, e in load_lexicon("irrealis").items() if e.category == category)


def has_clause(article: ParsedArticle, tok: Token) -> bool:
    """True when the cue introduces reported content: a clause, a quote or an attached quotation.

    A verb inside a quotation cannot lean on the quote marks around it ("… to consider
    establishing new battle groups," he said): it needs a clause of its own.
    """
    if any(c.dep_ in CLAUSE_DEPS for c in tok.children) or tok.dep_ == "parataxis":
        return True
    if _as_clause(tok) or misattached_that_clause(tok) or clause_read_as_object(tok):
        return True
    if article.quoted(article.start(tok)):
        return False
    if not article.sentence_has_double_quotes(tok):
        return False
    if tok.dep_ in SUBORDINATE_DEPS:
        # "…, where she's been reporting from": a quote elsewhere in the sentence is not hers
        words = list(tok.subtree)
        return article.has_double_quote_between(article.start(words[0]), article.end(words[-1]))
    return True


def speech_complement(article: ParsedArticle, tok: Token, entry: LexiconEntry) -> bool:
    """True when the verb has a complement only speech has: a clause (or a gerund: "denied
    shelling"), an attached quotation, a small clause ("called it a 'slap'", "defended X as
    necessary") or a speech object."""
    clause = any(c.dep_ in SPEECH_CLAUSE_DEPS and c.pos_ in ("VERB", "AUX") for c in tok.children)
    if clause or tok.dep_ == "parataxis":
        return True  # a clause with a verb of its own ("holding them *hostage*" has none)
    return (
        _gerund_clause(tok)
        or _as_clause(tok)
        or misattached_that_clause(tok)
        or clause_read_as_object(tok)
        or attached_quote(article, tok)
        or _small_clause(tok, entry)
        or _speech_object(tok, entry)
    )


def misattached_that_clause(tok: Token) -> bool:
    """ "acknowledged for the first time that troops were there": the parser hangs the verb's
    "that" clause on the noun of a phrase between them, as a relative clause. A relative clause
    whose "that" is neither its subject nor its object ("the plan that Russia proposed") and
    that has a subject of its own is the verb's complement clause."""
    for c in tok.children:
        if c.dep_ == "npadvmod":
            nouns = [c]
        elif c.dep_ == "prep" and c.i > tok.i:
            nouns = [g for g in c.children if g.dep_ == "pobj"]
        else:
            continue
        if any(_complement_read_as_relative(r) for n in nouns for r in n.children):
            return True
    return False


def _complement_read_as_relative(clause: Token) -> bool:
    """True for a relative clause opening with a "that" that fills no gap in it."""
    if clause.dep_ != "relcl" or clause.pos_ not in ("VERB", "AUX"):
        return False
    first = clause.doc[min(t.i for t in clause.subtree)]
    if first.lower_ != "that" or first.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != first.i for c in clause.children)


def _gerund_clause(tok: Token) -> bool:
    """ "denied having any hostile intention", "denied shelling the town": a gerund says what
    (an infinitive does not: "agreed *to hold* talks")."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" for c in tok.children)


def _as_clause(tok: Token) -> bool:
    """ "As Reuters reported, …", "as reported by Interfax": the rest of the sentence is what
    was reported."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and any(
        c.dep_ in ("nsubj", "agent") for c in tok.children
    )


def _small_clause(tok: Token, entry: LexiconEntry) -> bool:
    """ "called the spectacle 'revolting'", "dismissed the round as 'tepid'": a verb of naming
    (the row's ``predicative`` column) says what its object is ("held them hostage" is no
    naming)."""
    if lexicon_column("reporting_verbs", "predicative").get(entry.term.lower()) != "yes":
        return False
    if any(c.dep_ == "auxpass" for c in tok.children):
        return False  # "were being held hostage"
    if any(c.dep_ == "oprd" for c in tok.children):
        return True
    has_object = any(c.dep_ == "dobj" for c in tok.children)
    return has_object and any(
        c.dep_ == "prep" and c.lower_ == "as" and next(c.children, None) is not None
        for c in tok.children
    )


def _speech_object(tok: Token, entry: LexiconEntry) -> bool:
    """True when the verb's object is speech: a reporting noun ("denied the allegations") or one
    of the row's ``objects`` ("denied any involvement")."""
    objects = _objects(entry.term.lower())
    nouns = load_lexicon("reporting_nouns")

    def is_speech(noun: Token) -> bool:
        return noun.lemma_.lower() in nouns or bool({noun.lower_, noun.lemma_.lower()} & objects)

    if any(c.dep_ == "dobj" and is_speech(c) for c in tok.children):
        return True
    # "an accusation Moscow denies", "the claims, which Russia rejected": the noun a relative
    # clause hangs on is the object its gap stands for.
    gap = tok.dep_ == "relcl" and not any(c.dep_ in ("dobj", "ccomp") for c in tok.children)
    return gap and _relative_object_gap(tok) and is_speech(tok.head)


def _relative_object_gap(clause: Token) -> bool:
    """True when the relative clause has its own subject, so its gap is the object."""
    return any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in clause.children)


def _addressee(article: ParsedArticle, tok: Token, entry: LexiconEntry) -> bool:
    """True when the verb names whom it was said to, a named actor, with a preposition its row
    allows (``objects`` ``@to``, ``@with``: "Obama spoke to Putin", "wrote to the UN")."""
    allowed = {w[1:] for w in _objects(entry.term.lower()) if w.startswith("@")}
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in allowed:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and article.actor_at(pobj):
                return True
    return False


@cache
def _objects(term: str) -> frozenset[str]:
    """The ``objects`` cell of a verb's row as a set of words."""
    cell = lexicon_column("reporting_verbs", "objects").get(term, "")
    return frozenset(w.strip().lower() for w in cell.split("|") if w.strip())


def attached_quote(article: ParsedArticle, tok: Token) -> bool:
    """True when a quotation is the verb's own: '"…," she maintained' (the quote closes just
    before the verb and its subject) or 'she maintained: "…"' (it opens just after).

    A quotation elsewhere in the sentence ("efforts to maintain …" next to someone else's
    words) does not count.
    """
    if article.quoted(article.start(tok)):
        return False
    doc = tok.doc
    first, last = article.chunk_of(tok).sentence_bounds(tok)
    subject = {t.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    i = tok.i - 1
    while i >= first and (
        i in subject
        or doc[i].pos_ in _BETWEEN_QUOTE_AND_VERB
        or (doc[i].is_punct and doc[i].text not in CLOSING_MARKS)
    ):
        i -= 1
    if i >= first and doc[i].text in CLOSING_MARKS and article.quoted(article.start(doc[i]) - 1):
        return True
    j = tok.i + 1
    while j < last and (j in subject or doc[j].pos_ == "ADV" or doc[j].text in (",", ":")):
        j += 1
    return j < last and doc[j].text in OPENING_MARKS and article.quoted(article.end(doc[j]))


def _speaking_subject(article: ParsedArticle, subj: Token) -> bool:
    """True for a subject that can speak: a named actor, a person pronoun (outside quotations:
    "I'd like to request …" inside one reports nothing), a person's role or kind ("officials",
    "medical volunteers": ``titles.csv``, ``kind_nouns.csv``), or a body or document that
    speaks for one ("the interim government blamed Moscow", "the accord calls for a
    ceasefire": institutions and documents of ``reference_nouns.csv``)."""
    if speaker_of(article, subj) is not None:
        return True
    if subj.lower_ in PERSON_SUBJECTS:
        return not article.quoted(article.start(subj)) or _told_in_the_past(subj)
    lemma = subj.lemma_.lower()
    kinds = load_lexicon("kind_nouns")
    if lemma in load_lexicon("titles") or (lemma in kinds and kinds[lemma].category == "person"):
        return True
    return lemma in _speaking_bodies()


def _told_in_the_past(subj: Token) -> bool:
    """'"I told him we would not leave"', '"We warned them"': inside a quotation a person
    pronoun speaks when its verb is in the simple past, a speech event the quoted speaker
    reports ("I'd like to request" or "we will ask" have not happened)."""
    verb = subj.head
    return (
        subj.dep_ == "nsubj"
        and verb.tag_ == "VBD"
        and not any(c.dep_ in ("aux", "neg") for c in verb.children)
    )


@cache
def _speaking_bodies() -> frozenset[str]:
    """Nouns of bodies and documents that speak for someone (``reference_nouns.csv``)."""
    lex = load_lexicon("reference_nouns")
    return frozenset(t for t, e in lex.items() if e.category in ("institution", "document"))


def _own_speaker(article: ParsedArticle, tok: Token) -> bool:
    """True when the verb has a subject of its own that is an actor or a person pronoun.

    Evidence verbs (show, indicate, prove …) report speech only when someone does the showing
    (an actor, a person pronoun, a role such as "officials", a speech noun such as "reports");
    "…, indicating that snipers were there" or "photos showing troops" are the writer's
    inference or a thing's content.
    """
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if (subj is None or subj.lower_ in RELATIVE_PRONOUNS) and tok.dep_ in ("relcl", "conj"):
        subj, _ = subject_of(tok)  # "Biden, who indicated that …", "… examined it and determined"
    if subj is None:
        return False
    if subj.lower_ in PERSON_SUBJECTS or speaker_of(article, subj) is not None:
        return True
    # "reports indicated", "officials showed": a speech noun or a person's role
    lemma = subj.lemma_.lower()
    if lemma in load_lexicon("reporting_nouns") or lemma in load_lexicon("titles"):
        return True
    return lemma in documents()  # "a poll showed", "the inquiry determined"

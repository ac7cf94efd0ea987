"""Danish sentences, titles and document bodies composed from the department's vocabulary.

Seeded: the same seed gives the same handbook. Words are drawn with falling weights (a few common, many
rare), and a section's own nouns are drawn more often in its documents, so a query for a rare word finds a
handful of documents and one for a common word finds thousands, as in a real handbook.
"""

import random

from bench.datagen import vocabulary as v

NOUNS_BY_NAME = {forms[0]: forms for forms in v.NOUNS} | {forms[0]: forms for forms in v.MASS_NOUNS}
DEADLINES = ["5 arbejdsdage", "10 arbejdsdage", "14 dage", "4 uger", "3 måneder", "8 uger", "30 dage"]


def _weights(items, exponent=1.0):
    return [1 / (rank + 1) ** exponent for rank in range(len(items))]


def _cap(text):
    return text[:1].upper() + text[1:]


def _neuter(noun):
    return noun[1].endswith("et")


class Writer:
    """Composes text for one section at a time; `theme` is the section's nouns (first forms)."""

    def __init__(self, rng: random.Random, theme=()):
        self.rng = rng
        self.theme = [NOUNS_BY_NAME[name] for name in theme if len(NOUNS_BY_NAME[name]) == 4]
        self._noun_weights = _weights(v.NOUNS)
        self._verb_weights = _weights(v.VERBS)

    # -- words --------------------------------------------------------------------------------------------------

    def noun(self):
        if self.theme and self.rng.random() < 0.45:
            return self.rng.choice(self.theme)
        return self.rng.choices(v.NOUNS, self._noun_weights)[0]

    def verb(self):
        return self.rng.choices(v.VERBS, self._verb_weights)[0]

    def role(self):
        return self.rng.choice(v.ROLES)

    def pick(self, items):
        return self.rng.choice(items)

    def indefinite(self, noun, adjective=False):
        """'en væsentlig afvigelse' / 'et nyt påbud'."""
        article = "et" if _neuter(noun) else "en"
        if adjective:
            adj = self.pick(v.ADJECTIVES)
            return f"{article} {adj[1] if _neuter(noun) else adj[0]} {noun[0]}"
        return f"{article} {noun[0]}"

    def definite_with_adjective(self, noun):
        """'den endelige afgørelse' / 'det nye påbud'."""
        return f"{'det' if _neuter(noun) else 'den'} {self.pick(v.ADJECTIVES)[2]} {noun[0]}"

    # -- sentences ----------------------------------------------------------------------------------------------

    def sentence(self):
        n, m, r, verb, verb2 = self.noun(), self.noun(), self.role(), self.verb(), self.verb()
        adv, law, place = self.pick(v.ADVERBS), self.pick(v.LAWS), self.pick(v.PLACES)
        mass = self.pick(v.MASS_NOUNS)
        templates = [
            lambda: f"{_cap(n[1])} {verb[3]} {adv} af {r[1]}.",
            lambda: f"{_cap(r[1])} {verb[1]} {self.pick(v.ADJECTIVES)[2]} {n[2]} {place}.",
            lambda: f"Ved {self.indefinite(n)} skal {r[1]} {verb[0]} {m[3]}.",
            lambda: f"Når {n[1]} er {verb[4]}, {verb2[3]} {m[3]} til {r[1]}.",
            lambda: f"{_cap(n[2])} efter {law} {verb[3]} {adv}.",
            lambda: f"Det er {r[1]}s ansvar, at {n[1]} {verb[3]} {adv}.",
            lambda: f"Hvis der er tvivl om {n[1]}, kontaktes {r[1]}.",
            lambda: f"Fristen for {self.indefinite(n)} er {self.pick(DEADLINES)}.",
            lambda: f"{_cap(r[1])} {verb[2]} {n[1]} og {verb2[2]} {m[3]} {adv}.",
            lambda: f"{_cap(n[3])} skal {verb[3]} {adv}, før {m[1]} kan {verb2[3]}.",
            lambda: f"{_cap(mass[1])} {verb[3]} efter reglerne i {law}.",
            lambda: f"Ved {self.indefinite(n, adjective=True)} {place} {verb[3]} {r[1]} {adv}.",
            lambda: f"{_cap(self.definite_with_adjective(n))} {verb[3]} i ESDH-systemet med henvisning til {law}.",
            lambda: f"Der {verb[3]} {self.indefinite(n, adjective=True)}, når {m[3]} er {verb2[4]}.",
            lambda: f"Se også {v.LAWS[self.rng.randrange(len(v.LAWS))]} § {self.rng.randint(2, 90)} om {m[3]}.",
        ]
        return self.pick(templates)()

    def sentences(self, low, high):
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def paragraph(self, low=2, high=4):
        return f"<p>{self.sentences(low, high)}</p>"

    # -- titles -------------------------------------------------------------------------------------------------

    def title(self, kind):
        n, place, verb = self.noun(), self.pick(v.PLACES), self.verb()
        if kind == "policy":
            return self.pick(
                [
                    f"Politik for {self.pick(v.ACTION_NOUNS).lower()} {n[2]}",
                    f"Retningslinjer for {n[2]} {place}",
                    f"Principper for {self.pick(v.MASS_NOUNS)[0]} og {n[2]}",
                ]
            )
        if kind == "instruction":
            return self.pick(
                [
                    f"Sådan {verb[1]} du {self.indefinite(n)} {place}",
                    f"Sådan {verb[1]} du {n[2]} i ESDH-systemet",
                    f"Tjekliste: {_cap(n[2])} efter {self.pick(v.LAWS)}",
                ]
            )
        qualifier = self.pick([place, f"efter {self.pick(v.LAWS)}", "", f"og {self.noun()[2]}"])
        return " ".join(part for part in [self.pick(v.ACTION_NOUNS), n[2], qualifier] if part)

    def summary(self):
        n, m, verb = self.noun(), self.noun(), self.verb()
        return f"Sådan {verb[3]} {n[2]} {self.pick(v.PLACES)}, og hvem der har ansvaret for {m[1]}. {self.sentence()}"

    def step_title(self):
        verb, n = self.verb(), self.noun()
        return f"{_cap(verb[0][:-1])} {n[1]}"  # the imperative: registrere -> registrer

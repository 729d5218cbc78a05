from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Text:
    """A wording in Simplified Chinese and English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        """The wording in ``lang`` ('zh' or 'en'); 'both' gives 'zh / en'."""
        if lang == "en":
            return self.en
        if lang == "both":
            return f"{self.zh} / {self.en}" if self.zh != self.en else self.zh
        return self.zh

    def to_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}

"""StreamField blocks for controlled documents, made for how procedures are written."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Subsection"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        preview_value = {"text": "Fremgangsmåde", "level": "h2"}


class TitledTextBlock(blocks.RichTextBlock):
    """Rich text under a fixed heading that every procedure has."""

    heading = ""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["heading"] = self.heading
        return context

    class Meta:
        template = "blocks/titled_text.html"


class PurposeBlock(TitledTextBlock):
    heading = _("Purpose")

    class Meta:
        icon = "help"
        label = _("Purpose")


class ScopeBlock(TitledTextBlock):
    heading = _("Scope")

    class Meta:
        icon = "crosshairs"
        label = _("Scope")


class RoleBlock(blocks.StructBlock):
    role = blocks.CharBlock(label=_("Role"), max_length=200)
    duties = blocks.RichTextBlock(label=_("Duties"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "user"
        label = _("Role")


class ResponsibilitiesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200, default=_("Responsibilities"))
    roles = blocks.ListBlock(RoleBlock(), label=_("Roles"))

    class Meta:
        icon = "group"
        label = _("Responsibilities")
        template = "blocks/responsibilities.html"
        preview_value = {
            "heading": "Ansvar",
            "roles": [{"role": "Sagsbehandler", "duties": "<p>Registrerer sagen.</p>"}],
        }


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    text = blocks.RichTextBlock(label=_("Description"), features=RICH_TEXT_FEATURES, required=False)
    responsible = blocks.CharBlock(label=_("Who"), max_length=200, required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200, default=_("Procedure"))
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        template = "blocks/steps.html"
        preview_value = {
            "heading": "Fremgangsmåde",
            "steps": [{"title": "Modtag sagen", "text": "<p>Journalisér sagen.</p>", "responsible": ""}],
        }


class NoteBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Note")), ("warning", _("Warning")), ("success", _("Good practice"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Note or warning")
        template = "blocks/note.html"
        preview_value = {"kind": "warning", "title": "Frist", "text": "<p>Svar inden 14 dage.</p>"}


class DocumentTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table.html"


class AttachmentBlock(blocks.StructBlock):
    """A Wagtail document attached to a controlled document: a template or an appendix."""

    document = DocumentChooserBlock(label=_("Document"))
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("template", _("Template")), ("appendix", _("Appendix")), ("other", _("Other"))],
        default="template",
    )
    description = blocks.CharBlock(label=_("Description"), max_length=300, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Attachment")
        template = "blocks/attachment.html"


class DocumentLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200, default=_("Templates and appendices"))
    documents = blocks.ListBlock(AttachmentBlock(), label=_("Documents"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Links to documents")
        template = "blocks/document_links.html"


class LegalReferenceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=300, help_text=_("E.g. Miljøbeskyttelsesloven"))
    provision = blocks.CharBlock(label=_("Provision"), max_length=100, required=False, help_text=_("E.g. § 42"))
    url = blocks.URLBlock(label=_("Address"), help_text=_("E.g. a link to retsinformation.dk"))

    class Meta:
        icon = "link"
        label = _("Legal basis")


class DocumentBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"), icon="pilcrow", features=["h3", *RICH_TEXT_FEATURES], template="blocks/paragraph.html"
    )
    heading = HeadingBlock()
    purpose = PurposeBlock(features=RICH_TEXT_FEATURES)
    scope = ScopeBlock(features=RICH_TEXT_FEATURES)
    responsibilities = ResponsibilitiesBlock()
    steps = StepsBlock()
    note = NoteBlock()
    table = DocumentTableBlock()
    documents = DocumentLinksBlock()

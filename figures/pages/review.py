"""Review: the queue of proposed figures, one article at a time. Each figure is shown with
its quote marked in the article; the reader accepts it (fixing any field first) or rejects
it, and the edit is checked and saved at once (`figures.review`)."""

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from figures import compare, intake, pages, review, schema, ui
from figures.cache import files_stamp
from figures.markdown import as_text
from figures.text import find_quote

st.title("Review")
figures = ui.load_figures()
data_dir = figures.dataset.data_dir
table = figures.table
queue = table[table["review_status"] == schema.PROPOSED]
claimants = figures.dataset.claimants.set_index("claimant_id")


def apply_edit(edit: review.Edit) -> None:
    """Save an edit (a button's callback) and keep its outcome to show on the next run."""
    outcome = review.apply(data_dir, edit)
    st.session_state["review_outcome"] = outcome


def fields_of(claim_id: str) -> dict[str, str]:
    """The claim's fields as the reader left them in its form."""
    state = st.session_state
    return {column: str(state.get(f"review_{column}_{claim_id}", "") or "")
            for column in ("claimant_id", "value", "qualifier", "qualifier_text", "measure",
                           "subject", "place")}


def changed_fields(claim: Mapping[str, str]) -> dict[str, str]:
    """The fields of a claim's form that the reader changed from what is stored."""
    stored = {**claim, "value": intake.plain_number(claim["value"])}
    return {column: value for column, value in fields_of(claim["claim_id"]).items()
            if value != str(stored.get(column, "") or "")}


def accept_claim(claim: Mapping[str, str]) -> None:
    """Accept a claim as its form shows it; classify its claimant too if that was asked."""
    article_id, claim_id = claim["article_id"], claim["claim_id"]
    edit = review.accept(article_id, claim_id, changed_fields(claim))
    claimant_id = fields_of(claim_id)["claimant_id"]
    kind = st.session_state.get(f"review_type_{claim_id}")
    party = st.session_state.get(f"review_party_{claim_id}")
    # The type and party asked for belong to the claimant the claim came with; another
    # claimant chosen instead keeps the classification it has.
    if (claimant_id == claim["claimant_id"] and kind and party
            and (kind, party) != (schema.UNASSIGNED, schema.UNASSIGNED)):
        edit = review.combined(review.classify_claimant(
            claimant_id, {"claimant_type": kind, "party": party}, (article_id,)), edit)
    apply_edit(edit)


def reject_claim(article_id: str, claim_id: str) -> None:
    """Reject a claim: its figure goes to not_claims.csv with the reason chosen."""
    reason = st.session_state.get(f"review_reason_{claim_id}") or schema.REJECTED_IN_REVIEW
    apply_edit(review.reject(article_id, claim_id, reason))


def choice(label: str, options: list[str], current: str, key: str, where: object = st,
           **kwargs: object) -> None:
    """A selectbox starting at the stored value ('' first where the value may be unset)."""
    listed = options if current in options else [current, *options]
    where.selectbox(label, listed, index=listed.index(current), key=key,  # type: ignore
                    **kwargs)


def claimant_fields(claim: Mapping[str, str], claim_id: str) -> None:
    """Who makes the claim, and, for a claimant nobody has classified, its type and party."""
    ids = list(claimants.index)
    choice("Claimant", ids, claim["claimant_id"], f"review_claimant_id_{claim_id}",
           format_func=lambda cid: f"{claimants.loc[cid, 'name']} ({cid})"
           if cid in claimants.index else cid)
    row = claimants.loc[claim["claimant_id"]] if claim["claimant_id"] in claimants.index else None
    if row is None or row["claimant_type"] != schema.UNASSIGNED:
        return
    left, right = st.columns(2)
    kind = row["suggested_type"] or schema.UNASSIGNED
    party = row["suggested_party"] or schema.UNASSIGNED
    choice("Claimant type" + (" (suggested)" if row["suggested_type"] else ""),
           list(schema.CLAIMANT_TYPES), kind, f"review_type_{claim_id}", where=left)
    choice("Party" + (" (suggested)" if row["suggested_party"] else ""), list(schema.PARTIES),
           party, f"review_party_{claim_id}", where=right)


def claim_card(claim: Mapping[str, str], text: str) -> None:
    """One proposed figure: its quote in the article, its fields, accept and reject."""
    claim_id, article_id = claim["claim_id"], claim["article_id"]
    with st.container(border=True, key=f"review_card_{claim_id}"):
        st.markdown(f"**{as_text(compare.value_label(claim))}** · {as_text(claim['claimant'])}"
                    f" · {as_text(claim_id)}")
        spans = find_quote(text, claim["quote"])
        if spans:
            st.html(ui.highlighted_passage(text, *spans[0]))
        else:
            st.caption(f"Quote: {as_text(claim['quote'])}")
        claimant_fields(claim, claim_id)
        first, second, third = st.columns(3)
        first.text_input("Value", intake.plain_number(claim["value"]),
                         key=f"review_value_{claim_id}")
        choice("Qualifier", list(schema.QUALIFIERS), claim["qualifier"],
               f"review_qualifier_{claim_id}", where=second)
        third.text_input("Qualifier's words in the quote", claim["qualifier_text"],
                         key=f"review_qualifier_text_{claim_id}")
        first, second, third = st.columns(3)
        choice("Measure", list(schema.MEASURES), claim["measure"], f"review_measure_{claim_id}",
               where=first)
        choice("Subject", list(schema.SUBJECTS), claim["subject"], f"review_subject_{claim_id}",
               where=second)
        third.text_input("Place", claim["place"], key=f"review_place_{claim_id}",
                         placeholder="where, in the article's words")
        accept, reason, reject = st.columns([1, 2, 1], vertical_alignment="bottom")
        accept.button("Accept", key=f"review_accept_{claim_id}", type="primary",
                      on_click=accept_claim, args=(claim,),
                      icon=":material/check:", help="Saves the fields as shown (fix any "
                      "first) and marks the figure checked.")
        reason.selectbox("Reason to reject", list(schema.NOT_CLAIM_REASONS),
                         index=list(schema.NOT_CLAIM_REASONS).index(schema.REJECTED_IN_REVIEW),
                         key=f"review_reason_{claim_id}")
        reject.button("Reject", key=f"review_reject_{claim_id}", on_click=reject_claim,
                      args=(article_id, claim_id), icon=":material/close:",
                      help="Not a claim: the number moves to not_claims.csv with the reason.")


def near_duplicate_note(article: pd.Series) -> None:
    """Where the article nearly repeats another, offer to record it as a wire story."""
    near = ui.cached_near_duplicate(str(data_dir), files_stamp(data_dir), article["file"])
    if near is None or article["wire"]:
        return
    st.warning(f"This article shares {near.share:.0%} of its sentences with the stored "
               f"{as_text(near.file)}: probably the same wire story run by two outlets. If so, "
               f"record the wire service whose story it is.", icon=":material/content_copy:")
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.text_input("Wire service (AFP, Reuters, AP…)", key="review_wire")
    right.button("Record as a wire story", key="review_wire_save",
                 on_click=lambda: apply_edit(review.record_wire(
                     article["article_id"], str(st.session_state.get("review_wire", "")))))


outcome = st.session_state.pop("review_outcome", None)
if outcome is not None:
    (st.success if outcome.ok else st.error)("\n\n".join(as_text(message)
                                                           for message in outcome.messages))
if queue.empty:
    st.success("No figure is waiting for review.", icon=":material/task_alt:")
    st.page_link(pages.ADD_ARTICLES, label="Add articles", icon=":material/note_add:")
    st.stop()

sources = figures.dataset.sources.set_index("article_id")
waiting = queue.groupby("article_id", sort=False).size()
st.markdown(f"**{len(queue)}** proposed figures in **{len(waiting)}** articles are waiting. "
            "Check each against its quote: accept it (fix any field first; a checked figure "
            "needs what it counts and where), or reject it if it is not a claim.")
if st.session_state.get("review_article") not in waiting.index:
    st.session_state["review_article"] = waiting.index[0]
article_id = st.selectbox(
    "Article", list(waiting.index), key="review_article",
    format_func=lambda aid: f"{sources.loc[aid, 'outlet']}, "
    f"{sources.loc[aid, 'published'] or 'date unknown'}: {sources.loc[aid, 'title']} "
    f"({waiting[aid]} waiting)")
article = sources.loc[article_id].copy()
article["article_id"] = article_id
text = figures.dataset.articles.get(article["file"], "")
st.caption(as_text(f"{article['file']} · {article['outlet']} · published "
                   f"{article['published'] or 'date unknown'} ({article['published_basis']})"
                   + (f" · {article['url']}" if article["url"] else "")))
near_duplicate_note(article)
for claim in queue[queue["article_id"] == article_id].to_dict("records"):
    claim_card(claim, text)

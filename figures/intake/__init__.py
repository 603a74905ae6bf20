"""Add an article: read an upload, build the rows a new article adds, and commit them.

The batch add (`figures.corpus`, behind `python -m figures add` and the Add articles page)
and the review queue (`figures.review`) are built on these modules, one step each:

1. `reading`: `read_upload` turns uploaded (or pasted) bytes into text, or says plainly
   why it cannot: empty, too large, binary, not UTF-8, or an article already stored;
2. `claimants` and `ids`: `match_claimant` and the id makers (`article_id_for`,
   `claimant_id_for`) tie a new article's figures to the claimants and ids the folder
   already holds;
3. `rows`: `claim_row` and `not_claim_rows` give the rows of claims.csv and
   not_claims.csv, so that every number phrase of the article ends up in one of them;
4. `atomic`: `commit`, with the folder's lock (`folder_lock`) held, writes the changed
   files into the real folder, each through a temporary file and `os.replace`, so a
   reader never sees half a file and a save is whole or does not happen.

What other modules use is re-exported here, so they import it as `intake.<name>`.
"""

from figures.intake.atomic import (
    FolderChanged,
    appended_csv,
    commit,
    folder_lock,
    remove_leftovers,
)
from figures.intake.claimants import match_claimant, name_tokens
from figures.intake.ids import article_id_for, claimant_id_for, file_name_for
from figures.intake.reading import (
    MAX_UPLOAD_BYTES,
    PASTED,
    read_upload,
    same_text_as,
    stored_articles,
    unlisted_articles,
    unreadable,
)
from figures.intake.rows import (
    SavePlan,
    candidates_for,
    cell,
    claim_row,
    context_for,
    not_claim_rows,
    plain_number,
)

__all__ = [
    "MAX_UPLOAD_BYTES", "PASTED", "FolderChanged", "SavePlan", "appended_csv",
    "article_id_for", "candidates_for", "cell", "claim_row", "claimant_id_for", "commit",
    "context_for", "file_name_for", "folder_lock", "match_claimant", "name_tokens",
    "not_claim_rows", "plain_number", "read_upload", "remove_leftovers", "same_text_as",
    "stored_articles", "unlisted_articles", "unreadable",
]  # fmt: skip

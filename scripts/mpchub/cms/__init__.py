"""The staff editor at ``/admin/``: Sveltia CMS, configured from the schemas and vocabularies.

* ``mpchub.cms.config``: the CMS configuration (collections, fields, vocabulary choices), generated;
* ``mpchub.cms.admin``: the files ``/admin/`` serves (page, configuration, the CMS itself from
  ``node_modules``) and the page's own Content-Security-Policy.

The layout the editor writes a record in is the repository's own, so it lives in the model:
``mpchub.content.writer`` (a record's text exactly as the CMS writes it) and ``mpchub.content.layout`` (is a file
in that layout; ``mpchub format``), which ``mpchub from-issue`` uses too.

Plain Python: the MkDocs adapter only asks the facade (``Hub.prepare_editor``, ``Hub.write_editor``) to write
these files into the built site after the build, so MkDocs never sees them (no sitemap entry, no theme, no
search marks).

Why Sveltia CMS (and not Decap CMS): it reads and writes this repository's layout as it is, the master
``<slug>.md`` and each translation ``<slug>.<code>.md`` (``i18n.structure: multiple_files`` with
``omit_default_locale_from_file_path``), edits the languages side by side, has a local-repository mode for a
clone (File System Access API) and ships a JSON Schema of its configuration, which ``tests/test_cms.py``
validates ours against. ``initial_locales: default`` keeps it from writing an empty translation file for a new
record.

Why records are kept in the editor's layout: read in Sveltia's source (``draft/save/serialize.js``,
``file/format.js``) and confirmed in the browser, a save rebuilds the whole file: fields in the configuration's
order, empty optional fields dropped, eemeli/yaml with no folding. No option keeps a file's own formatting, so a
record written otherwise would be rewritten entirely by its first edit. ``mpchub format`` puts records in that
layout once; it is not a rule of ``mpchub check``, because a proposal written by hand is valid as it is.

Sign-in: a fine-grained personal access token kept in the browser, or the OAuth helper the editor documents
(Sveltia CMS Authenticator) when the MPC runs one (plugin option ``cms_auth_url``). Every edit made on GitHub is
a pull request (``publish_mode: editorial_workflow``): ``main`` is protected by the checks.

Found while testing (Sveltia CMS 0.221.1): a record titled ``<img src=x onerror=…>`` makes the entry list parse
the title as HTML and start the handler; the page's policy refuses inline handlers, and the browser test checks
that no payload runs. To be reported upstream.
"""

"""Widgets: one module per family, each turning ``st.*`` calls into widget
elements through :func:`termlit.elements._widget.widget`.

| module | widgets |
|---|---|
| ``button`` | button, download_button, link_button |
| ``checkbox`` | checkbox, toggle |
| ``slider`` | slider (numbers, dates, times, datetimes) |
| ``number_input`` | number_input |
| ``text_widgets`` | text_input, text_area |
| ``selection`` | selectbox, radio, multiselect |
| ``select_slider`` | select_slider |
| ``button_group`` | pills, segmented_control, feedback |
| ``time_widgets`` | date_input, time_input, datetime_input |
| ``color_picker`` | color_picker |
| ``file_uploader`` | file_uploader, UploadedFile |
| ``chat`` | chat_input, chat_message |
| ``data_editor`` | data_editor |
| ``menus`` | menu_button, pagination |

``_options`` holds what the option pickers share; how they filter while the
user types is in :mod:`termlit.common.filtering`, what a text field may
commit in :mod:`termlit.common.textrules` (the terminal UI uses both). ``st.form_submit_button``
lives with ``st.form`` in :mod:`termlit.elements.forms`; ``st.dataframe``
(a widget when it selects rows) with ``st.table`` in :mod:`termlit.elements.data`.
"""

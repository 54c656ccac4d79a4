# Corpus regression: one ctest per collection, `saidby eval` at the pair-F1 threshold stored in
# corpus/<collection>/threshold (raised as the engine improves, never lowered).
file(GLOB SAIDBY_CORPUS_THRESHOLDS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/corpus/*/threshold)
foreach(threshold_file ${SAIDBY_CORPUS_THRESHOLDS})
  get_filename_component(collection_dir ${threshold_file} DIRECTORY)
  get_filename_component(collection ${collection_dir} NAME)
  file(STRINGS ${threshold_file} threshold LIMIT_COUNT 1 REGEX "^[0-9.]+$")
  if(NOT threshold)
    message(FATAL_ERROR "${threshold_file}:1: expected one number, the minimum pair F1")
  endif()
  add_test(NAME corpus.${collection}
           COMMAND $<TARGET_FILE:saidby> eval --gold ${collection_dir}/gold.csv ${collection_dir}
                   --min-f1 ${threshold})
  set_tests_properties(corpus.${collection} PROPERTIES LABELS corpus)
endforeach()

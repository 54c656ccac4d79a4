# Corpus regression: one ctest per collection, `saidby eval` at the pair-F1 threshold stored in
# corpus/<collection>/threshold, and the person-level one in person_threshold (raised as the
# engine improves, never lowered).
file(GLOB SAIDBY_CORPUS_THRESHOLDS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/corpus/*/threshold)
foreach(threshold_file ${SAIDBY_CORPUS_THRESHOLDS})
  get_filename_component(collection_dir ${threshold_file} DIRECTORY)
  get_filename_component(collection ${collection_dir} NAME)
  file(STRINGS ${threshold_file} threshold LIMIT_COUNT 1 REGEX "^[0-9.]+$")
  if(NOT threshold)
    message(FATAL_ERROR "${threshold_file}:1: expected one number, the minimum pair F1")
  endif()
  # Person-level pair F1 (gold with a canonical column), where person_threshold is stored.
  set(person_gate "")
  if(EXISTS ${collection_dir}/person_threshold)
    file(STRINGS ${collection_dir}/person_threshold person LIMIT_COUNT 1 REGEX "^[0-9.]+$")
    if(NOT person)
      message(FATAL_ERROR "${collection_dir}/person_threshold:1: expected one number")
    endif()
    set(person_gate --min-person-f1 ${person})
  endif()
  add_test(NAME corpus.${collection}
           COMMAND $<TARGET_FILE:saidby> eval --gold ${collection_dir}/gold.csv ${collection_dir}
                   --min-f1 ${threshold} ${person_gate})
  set_tests_properties(corpus.${collection} PROPERTIES LABELS corpus)
endforeach()

/**
 * Reduces one or more errors from Apex calls, wire adapters or JavaScript into a list of readable messages.
 * @param {Object|Object[]} errors an error or a list of errors
 * @return {String[]} the messages, without empties
 */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  return (
    list
      .filter((error) => !!error)
      .map((error) => {
        // UI API read errors and Apex errors with field/page errors
        if (Array.isArray(error.body)) {
          return error.body.map((item) => item.message);
        }
        if (error.body && Array.isArray(error.body.pageErrors) && error.body.pageErrors.length) {
          return error.body.pageErrors.map((item) => item.message);
        }
        // Apex AuraHandledException, UI API DML and network errors
        if (error.body && typeof error.body.message === 'string') {
          return error.body.message;
        }
        // JavaScript errors
        if (typeof error.message === 'string') {
          return error.message;
        }
        return error.statusText;
      })
      .flat()
      // Drop empties and repeats so the panel never shows the same line twice
      .filter((message, index, all) => !!message && all.indexOf(message) === index)
  );
}
